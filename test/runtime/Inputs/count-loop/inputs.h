/* inputs.h - generated-style data for a QEMU run of count-loop/model.h. */
#ifndef MORSEL_INPUTS_H
#define MORSEL_INPUTS_H

#define MORSEL_MODEL_RUN model_run
#define MORSEL_MODEL_ARENA_BYTES MODEL_ARENA_BYTES

extern const unsigned char morsel_input0[];
#define MORSEL_INPUT0_BYTES 4u

#define MORSEL_OUTPUT0_BYTES 4u
#define MORSEL_OUTPUT0_FILE "out0.bin"

#define MORSEL_FOR_EACH_INPUT(X) X(0)
#define MORSEL_FOR_EACH_OUTPUT(X) X(0)

#endif /* MORSEL_INPUTS_H */
