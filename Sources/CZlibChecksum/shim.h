#pragma once
// zlib's crc32, which checks each inflated workbook part: ZIPFoundation's own check on Linux
// is a byte-at-a-time table loop that cost more than the inflating.
#include <zlib.h>
