/* inputs.c - add-one's inputs for the bad-output run (see inputs.h). */
#include "inputs.h"

__attribute__((aligned(16))) const unsigned char morsel_input0[16] = {0};
__attribute__((aligned(16))) const unsigned char morsel_input1[4] = {0};
