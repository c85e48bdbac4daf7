#pragma once
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers,
// which clash with the ICU that Foundation carries (and hide `stat` behind it). papi uses no
// encoding handler: only the parser's entry points and pointers to its structures, whose
// layout does not depend on this, so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#undef LIBXML_ICONV_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
