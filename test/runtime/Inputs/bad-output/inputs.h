/* inputs.h - add-one's run data with an output file in a directory that
   does not exist: the harness cannot create it and returns 1. */
#ifndef MORSEL_INPUTS_H
#define MORSEL_INPUTS_H

extern const unsigned char morsel_input0[];
#define MORSEL_INPUT0_BYTES 16u
extern const unsigned char morsel_input1[];
#define MORSEL_INPUT1_BYTES 4u

#define MORSEL_OUTPUT0_BYTES 16u
#define MORSEL_OUTPUT0_FILE "no-such-dir/out0.bin"
#define MORSEL_OUTPUT1_BYTES 4u
#define MORSEL_OUTPUT1_FILE "out1.bin"

#define MORSEL_FOR_EACH_INPUT(X) X(0) X(1)
#define MORSEL_FOR_EACH_OUTPUT(X) X(0) X(1)

#endif /* MORSEL_INPUTS_H */
