#pragma once
#include <csv.h>

/* A hint to fetch the cache line holding `address` without waiting for it (the scorer
   reads respondents scattered over memory; Swift has no prefetch of its own). */
static inline void papi_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
