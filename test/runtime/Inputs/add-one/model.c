/* model.c - stand-in for a compiled model (see model.h): goes through the
   arena with memcpy/memset as generated code may, and uses the FPU on
   hard-float targets. */
#include "model.h"

#include <string.h>

void model_run(const void *in0, const void *in1, void *out0, void *out1,
               void *arena) {
  signed char *scratch = arena;
  memset(scratch, 0, MODEL_ARENA_BYTES);
  memcpy(scratch, in0, 16);
  for (int i = 0; i < 16; ++i)
    ((signed char *)out0)[i] = (signed char)(scratch[i] + 1);
  float x;
  memcpy(&x, in1, sizeof x);
  x *= 2.0f;
  memcpy(out1, &x, sizeof x);
}
