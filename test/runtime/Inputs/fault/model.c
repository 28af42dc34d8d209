/* model.c - stand-in models that fail at run time, for the error paths of
   run-on-qemu.sh; same interface as add-one/model.h. Build with
   -DFAULT_BAD_STORE, -DFAULT_STACK_OVERFLOW or -DFAULT_HANG. */
#include "model.h"

#if defined(FAULT_STACK_OVERFLOW)
static int recurse(volatile char *parent, int depth) {
  volatile char frame[256];
  frame[0] = (char)depth;
  return depth == 0 ? frame[0] : recurse(frame, depth - 1) + parent[0];
}
#endif

void model_run(const void *in0, const void *in1, void *out0, void *out1,
               void *arena) {
  (void)in0;
  (void)in1;
  (void)out1;
#if defined(FAULT_BAD_STORE)
  /* Unmapped on every board: a BusFault escalated to HardFault. */
  *(volatile int *)0xF0000000u = 1;
#elif defined(FAULT_STACK_OVERFLOW)
  ((char *)out0)[0] = (char)recurse(arena, 1000);
#elif defined(FAULT_HANG)
  for (;;)
    __asm__ volatile("");
#endif
  (void)out0;
  (void)arena;
}
