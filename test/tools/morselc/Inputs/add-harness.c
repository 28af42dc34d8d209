/* Calls a model compiled for the host through its generated header. */
#include <stdio.h>

#include "model.h"

int main(void) {
  static const float a[6] = {0, 1, 2, 3, 4, 5};
  static const float b[6] = {10, 20, 10, 20, 10, 20};
  float out[6];
  static _Alignas(MODEL_ARENA_ALIGNMENT) unsigned char arena[MODEL_ARENA_BYTES + 1];
  const int shape[MODEL_OUTPUT0_RANK] = MODEL_OUTPUT0_SHAPE;
  model_run(a, b, out, arena);
  printf("shape %d %d:", shape[0], shape[1]);
  for (int i = 0; i < 6; ++i)
    printf(" %g", out[i]);
  printf("\n");
  return 0;
}
