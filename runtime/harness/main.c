/*===- main.c - Runs one inference of a compiled model under QEMU ---------===*
 *
 * Includes the generated model.h and inputs.h (see runtime/README.md for
 * what the generator must emit), calls the model's entry point once on the
 * input bytes of inputs.c, writes each output's raw bytes to a host file
 * through semihosting, and returns 0 (QEMU's exit status).
 *
 * The arena and the output buffers live in .bss, 16-byte aligned and padded
 * to a multiple of 16 bytes, so that the RAM the image needs is exactly
 * stack + pad16(arena) + sum of pad16(output) whatever order the linker
 * picks. Both are filled with 0xA5 before the call so that a model which
 * reads scratch it never wrote, or leaves an output byte unwritten, shows
 * it. No libc.
 *
 *===----------------------------------------------------------------------===*/
#include "model.h"
#include "inputs.h"
#include "morsel_semihost.h"

#include <stddef.h>

#ifndef MORSEL_MODEL_RUN
#define MORSEL_MODEL_RUN model_run
#endif
#ifndef MORSEL_MODEL_ARENA_BYTES
#define MORSEL_MODEL_ARENA_BYTES MODEL_ARENA_BYTES
#endif

#define MORSEL_POISON 0xA5u
#define MORSEL_PAD16(n) (((n) + 15u) & ~15u)

#if MORSEL_MODEL_ARENA_BYTES > 0
static unsigned char morsel_arena[MORSEL_PAD16(MORSEL_MODEL_ARENA_BYTES)]
    __attribute__((aligned(16)));
#define MORSEL_ARENA morsel_arena
#else
#define MORSEL_ARENA ((void *)0)
#endif

#define MORSEL_DECLARE_OUTPUT(i)                                               \
  static unsigned char morsel_output##i[MORSEL_PAD16(MORSEL_OUTPUT##i##_BYTES)] \
      __attribute__((aligned(16)));
MORSEL_FOR_EACH_OUTPUT(MORSEL_DECLARE_OUTPUT)

struct morsel_output {
  unsigned char *data;
  size_t bytes;
  const char *file;
};

#define MORSEL_OUTPUT_ENTRY(i)                                                 \
  {morsel_output##i, MORSEL_OUTPUT##i##_BYTES, MORSEL_OUTPUT##i##_FILE},
static const struct morsel_output morsel_outputs[] = {
    MORSEL_FOR_EACH_OUTPUT(MORSEL_OUTPUT_ENTRY)};

static void morsel_fill(unsigned char *p, size_t n, unsigned char v) {
  /* Not a memset call: libc stays reserved for the model. */
  for (volatile unsigned char *q = p; n--;)
    *q++ = v;
}

int main(void) {
#if MORSEL_MODEL_ARENA_BYTES > 0
  morsel_fill(morsel_arena, sizeof(morsel_arena), MORSEL_POISON);
#endif
  for (size_t i = 0; i < sizeof(morsel_outputs) / sizeof(morsel_outputs[0]);
       ++i)
    morsel_fill(morsel_outputs[i].data, morsel_outputs[i].bytes,
                MORSEL_POISON);

#define MORSEL_INPUT_ARG(i) morsel_input##i,
#define MORSEL_OUTPUT_ARG(i) morsel_output##i,
  MORSEL_MODEL_RUN(MORSEL_FOR_EACH_INPUT(MORSEL_INPUT_ARG)
                       MORSEL_FOR_EACH_OUTPUT(MORSEL_OUTPUT_ARG) MORSEL_ARENA);

  for (size_t i = 0; i < sizeof(morsel_outputs) / sizeof(morsel_outputs[0]);
       ++i)
    if (morsel_sh_write_file(morsel_outputs[i].file, morsel_outputs[i].data,
                             morsel_outputs[i].bytes) != 0)
      return 1;
  return 0;
}
