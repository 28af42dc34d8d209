/* model.h - stand-in model header for the instruction-count test: one u32
   input n, one u32 output (= n), no arena; model.S loops n times. */
#ifndef MODEL_H
#define MODEL_H

#define MODEL_ARENA_BYTES 0u

void model_run(const void *in0, void *out0, void *arena);

#endif /* MODEL_H */
