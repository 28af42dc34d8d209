/*===- semihost.c - Arm semihosting calls for the QEMU runtime ------------===*
 *
 * Implements morsel_semihost.h. A semihosting call is `bkpt 0xab` with the
 * operation number in r0 and a pointer to its argument block in r1; the
 * result comes back in r0 (Arm "Semihosting for AArch32 and AArch64", v2).
 *
 *===----------------------------------------------------------------------===*/
#include "morsel_semihost.h"

enum {
  SYS_OPEN = 0x01,
  SYS_CLOSE = 0x02,
  SYS_WRITE0 = 0x04,
  SYS_WRITE = 0x05,
  SYS_EXIT_EXTENDED = 0x20,
  /* SYS_OPEN mode index of fopen's "wb". */
  SH_MODE_WB = 5,
  /* Reason code of SYS_EXIT_EXTENDED for a normal application exit. */
  ADP_STOPPED_APPLICATION_EXIT = 0x20026,
};

static int sh_call(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void morsel_sh_write0(const char *s) { sh_call(SYS_WRITE0, s); }

void morsel_sh_write_hex(uint32_t v) {
  char buf[11];
  buf[0] = '0';
  buf[1] = 'x';
  for (int i = 0; i < 8; ++i) {
    uint32_t nibble = (v >> (28 - 4 * i)) & 0xF;
    buf[2 + i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
  }
  buf[10] = '\0';
  morsel_sh_write0(buf);
}

int morsel_sh_open_wb(const char *name) {
  size_t len = 0;
  while (name[len])
    ++len;
  uint32_t block[3] = {(uint32_t)(uintptr_t)name, SH_MODE_WB, (uint32_t)len};
  return sh_call(SYS_OPEN, block);
}

int morsel_sh_write(int handle, const void *buf, size_t len) {
  uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf,
                       (uint32_t)len};
  /* SYS_WRITE returns the number of bytes NOT written. */
  return sh_call(SYS_WRITE, block) == 0 ? 0 : -1;
}

int morsel_sh_close(int handle) {
  uint32_t block[1] = {(uint32_t)handle};
  return sh_call(SYS_CLOSE, block) == 0 ? 0 : -1;
}

int morsel_sh_write_file(const char *name, const void *buf, size_t len) {
  int handle = morsel_sh_open_wb(name);
  if (handle == -1) {
    morsel_sh_write0("morsel: cannot create host file ");
    morsel_sh_write0(name);
    morsel_sh_write0("\n");
    return -1;
  }
  int rc = morsel_sh_write(handle, buf, len);
  if (morsel_sh_close(handle) != 0)
    rc = -1;
  if (rc != 0) {
    morsel_sh_write0("morsel: cannot write host file ");
    morsel_sh_write0(name);
    morsel_sh_write0("\n");
  }
  return rc;
}

void morsel_sh_exit(int status) {
  uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
  sh_call(SYS_EXIT_EXTENDED, block);
  for (;;) /* Not reached under QEMU; park a real core. */
    __asm__ volatile("wfi");
}
