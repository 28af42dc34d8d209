/*===- startup.c - Vector table and reset handler for the QEMU boards -----===*
 *
 * Start-up code shared by every Cortex-M board of runtime/boards/boards.tsv
 * (the boards differ only in their memory map, which the linker script takes
 * as parameters, and in their FPU, which the compile flags state):
 *   - the vector table, placed first in the image by the linker script;
 *   - the reset handler: enables the FPU/MVE through CPACR when the core
 *     has one, sets the v8-M stack limit, copies .data from flash, zeroes
 *     .bss, calls main() and exits QEMU through SYS_EXIT_EXTENDED with
 *     main's return value as QEMU's exit status;
 *   - a fault handler that reports the exception and the faulting PC and
 *     exits with status 3.
 * libgloss's rdimon crt0 is not used: it faults under QEMU.
 *
 *===----------------------------------------------------------------------===*/
#include "morsel_semihost.h"

#include <stdint.h>

int main(void);

/* Symbols of runtime/ld/morsel-cortex-m.ld. */
extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_limit[], __stack_top[];
extern uint32_t __morsel_ram_end[];

void morsel_reset_handler(void) __attribute__((noreturn));
void morsel_fault_handler(void);
void morsel_fault_report(const uint32_t *frame) __attribute__((noreturn));

#define MORSEL_REG(addr) (*(volatile uint32_t *)(addr))
/* Coprocessor Access Control Register (SCB->CPACR). */
#define MORSEL_CPACR MORSEL_REG(0xE000ED88u)
/* Configurable Fault Status Register (SCB->CFSR). */
#define MORSEL_CFSR MORSEL_REG(0xE000ED28u)

/* Exit status of a run stopped by a CPU fault. */
#define MORSEL_FAULT_STATUS 3

void morsel_reset_handler(void) {
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
  /* Full access to CP10 and CP11 (FPU and MVE) before any FP instruction,
     whatever the compile flags; the bits read as zero and ignore writes on
     a core without an FPU (Cortex-M3). ARMv6-M has no CPACR. */
  MORSEL_CPACR |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
  /* A stack overflow becomes a STKOF UsageFault instead of corruption. */
  __asm__ volatile("msr msplim, %0" : : "r"(__stack_limit));
#endif
  /* volatile keeps GCC from turning the loops into memcpy/memset calls,
     which would run inside the counted model text range. */
  for (volatile uint32_t *src = __data_load, *dst = __data_start;
       dst < __data_end;)
    *dst++ = *src++;
  for (volatile uint32_t *dst = __bss_start; dst < __bss_end;)
    *dst++ = 0;
  morsel_sh_exit(main());
}

/* Every other exception lands here with the interrupted context on the main
   stack. The stack pointer is reset to the top of the stack so that the
   report itself runs even after a stack overflow. */
__attribute__((naked)) void morsel_fault_handler(void) {
  __asm__ volatile("mrs r0, msp\n\t"
                   "ldr r1, =__stack_top\n\t"
                   "mov sp, r1\n\t"
                   "ldr r1, =morsel_fault_report\n\t"
                   "bx r1\n\t");
}

void morsel_fault_report(const uint32_t *frame) {
  static const char *const names[] = {"",          "Reset",      "NMI",
                                      "HardFault", "MemManage",  "BusFault",
                                      "UsageFault", "SecureFault"};
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  uint32_t exception = ipsr & 0x1FFu;
  morsel_sh_write0("morsel: CPU fault: exception ");
  morsel_sh_write_hex(exception);
  if (exception < sizeof(names) / sizeof(names[0])) {
    morsel_sh_write0(" (");
    morsel_sh_write0(names[exception]);
    morsel_sh_write0(")");
  }
  /* A frame below the stack means the stack overflowed (v7-M: the
     stacking left RAM); otherwise the stacked PC is the faulting one. */
  int stack_overflow = (uintptr_t)frame < (uintptr_t)__stack_limit;
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
  /* CFSR.STKOF: the MSPLIM check fired. */
  stack_overflow |= (MORSEL_CFSR >> 20) & 1u;
#endif
  if (stack_overflow) {
    morsel_sh_write0(", stack overflow");
  } else if ((uintptr_t)(frame + 8) <= (uintptr_t)__morsel_ram_end) {
    morsel_sh_write0(" at pc ");
    morsel_sh_write_hex(frame[6]);
  }
  morsel_sh_write0("\n");
  morsel_sh_exit(MORSEL_FAULT_STATUS);
}

typedef void (*morsel_vector_t)(void);

/* Initial stack pointer and the 15 system exceptions of ARMv6-M/v7-M/v8-M.
   No peripheral interrupt is enabled, so no IRQ entry is needed. */
__attribute__((section(".vectors"), used)) const morsel_vector_t
    morsel_vectors[16] = {
        (morsel_vector_t)__stack_top,
        morsel_reset_handler,
        morsel_fault_handler, /* NMI */
        morsel_fault_handler, /* HardFault */
        morsel_fault_handler, /* MemManage */
        morsel_fault_handler, /* BusFault */
        morsel_fault_handler, /* UsageFault */
        morsel_fault_handler, /* SecureFault (v8-M) */
        0,
        0,
        0,
        morsel_fault_handler, /* SVCall */
        morsel_fault_handler, /* DebugMonitor */
        0,
        morsel_fault_handler, /* PendSV */
        morsel_fault_handler, /* SysTick */
};
