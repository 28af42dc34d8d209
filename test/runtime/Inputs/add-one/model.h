/* model.h - hand-written stand-in for a generated Morsel model header: two
   inputs (16 x int8, 1 x f32), two outputs (in0 + 1, in1 * 2), 64 bytes of
   arena. */
#ifndef MODEL_H
#define MODEL_H

#define MODEL_ARENA_BYTES 64u

void model_run(const void *in0, const void *in1, void *out0, void *out1,
               void *arena);

#endif /* MODEL_H */
