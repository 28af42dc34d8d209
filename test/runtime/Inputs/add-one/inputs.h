/* inputs.h - what morselc generates for a QEMU run of add-one/model.h. */
#ifndef MORSEL_INPUTS_H
#define MORSEL_INPUTS_H

#define MORSEL_MODEL_RUN model_run
#define MORSEL_MODEL_ARENA_BYTES MODEL_ARENA_BYTES

extern const unsigned char morsel_input0[];
#define MORSEL_INPUT0_BYTES 16u
extern const unsigned char morsel_input1[];
#define MORSEL_INPUT1_BYTES 4u

#define MORSEL_OUTPUT0_BYTES 16u
#define MORSEL_OUTPUT0_FILE "out0.bin"
#define MORSEL_OUTPUT1_BYTES 4u
#define MORSEL_OUTPUT1_FILE "out1.bin"

/* In model_run's argument order. */
#define MORSEL_FOR_EACH_INPUT(X) X(0) X(1)
#define MORSEL_FOR_EACH_OUTPUT(X) X(0) X(1)

#endif /* MORSEL_INPUTS_H */
