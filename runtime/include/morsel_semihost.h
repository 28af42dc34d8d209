/*===- morsel_semihost.h - Arm semihosting calls for the QEMU runtime -----===*
 *
 * The few Arm semihosting operations the Morsel harness needs: print a
 * string, write a host file, and exit with a status. Each is a `bkpt 0xab`
 * trap that QEMU serves when run with
 * `-semihosting-config enable=on,target=native`; relative file names resolve
 * in QEMU's working directory. No libc is used.
 *
 *===----------------------------------------------------------------------===*/
#ifndef MORSEL_SEMIHOST_H
#define MORSEL_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

/* Prints a NUL-terminated string (SYS_WRITE0); QEMU sends it to stderr. */
void morsel_sh_write0(const char *s);

/* Prints `v` as 0x-prefixed, 8-digit hexadecimal through SYS_WRITE0. */
void morsel_sh_write_hex(uint32_t v);

/* Opens host file `name` for writing in binary mode ("wb", SYS_OPEN mode 5).
   Returns a handle, or -1 on failure. */
int morsel_sh_open_wb(const char *name);

/* Writes `len` bytes (SYS_WRITE). Returns 0 when all were written. */
int morsel_sh_write(int handle, const void *buf, size_t len);

/* Closes a handle (SYS_CLOSE). Returns 0 on success. */
int morsel_sh_close(int handle);

/* Creates (or truncates) host file `name` and writes `len` bytes to it.
   Returns 0 on success; prints a message and returns -1 on failure. */
int morsel_sh_write_file(const char *name, const void *buf, size_t len);

/* Ends the simulation with `status` as QEMU's exit status
   (SYS_EXIT_EXTENDED, reason ADP_Stopped_ApplicationExit). */
void morsel_sh_exit(int status) __attribute__((noreturn));

#endif /* MORSEL_SEMIHOST_H */
