/* inputs.c - generated-style data for count-loop: n = 1000 (u32, LE). */
#include "inputs.h"

__attribute__((aligned(16))) const unsigned char morsel_input0[4] = {
    0xe8, 0x03, 0x00, 0x00};
