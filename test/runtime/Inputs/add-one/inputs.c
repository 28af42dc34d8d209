/* inputs.c - what morselc generates for a QEMU run of add-one/model.h:
   int8 0..13, 127, -128 and the f32 1.5. */
#include "inputs.h"

__attribute__((aligned(16))) const unsigned char morsel_input0[16] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
    0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x7f, 0x80};
__attribute__((aligned(16))) const unsigned char morsel_input1[4] = {
    0x00, 0x00, 0xc0, 0x3f};
