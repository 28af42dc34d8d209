/*===- qemu-insn-count.c - QEMU TCG plugin counting guest instructions ----===*
 *
 * Counts the guest instructions a QEMU system emulator executes, optionally
 * only those whose address lies in [start, end), and prints the total when
 * QEMU exits. Every instruction is counted with an inline TCG add (no
 * helper call), so the count is exact and identical from run to run.
 *
 *   qemu-system-arm ... -plugin qemu-insn-count.so[,start=A,end=B][,out=FILE]
 *
 * start/end: addresses (0x-prefixed hex or decimal); default: everything.
 * out: file that receives the count as one decimal line; default: stderr,
 *      as "qemu-insn-count: N".
 *
 * Debian ships neither QEMU's plugin binaries nor qemu-plugin.h, so the
 * part of plugin API version 1 (QEMU 5.x to 7.x) used here is declared
 * below.
 *
 *===----------------------------------------------------------------------===*/
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

//===----------------------------------------------------------------------===//
// QEMU plugin API, version 1 (subset of include/qemu/qemu-plugin.h)
//===----------------------------------------------------------------------===//

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;

enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
                                               struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
                                                enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
                                    qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
                                                 size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info, int argc,
                                           char **argv);

//===----------------------------------------------------------------------===//
// The counter
//===----------------------------------------------------------------------===//

/* One counter for all vCPUs: the Cortex-M boards have a single one. */
static uint64_t insn_count;
static uint64_t range_start;
static uint64_t range_end = UINT64_MAX;
static char *out_path;

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  (void)id;
  size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; ++i) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    uint64_t pc = qemu_plugin_insn_vaddr(insn);
    if (pc >= range_start && pc < range_end)
      qemu_plugin_register_vcpu_insn_exec_inline(
          insn, QEMU_PLUGIN_INLINE_ADD_U64, &insn_count, 1);
  }
}

static void at_exit(qemu_plugin_id_t id, void *userdata) {
  (void)id;
  (void)userdata;
  if (!out_path) {
    fprintf(stderr, "qemu-insn-count: %" PRIu64 "\n", insn_count);
    return;
  }
  FILE *f = fopen(out_path, "w");
  if (!f || fprintf(f, "%" PRIu64 "\n", insn_count) < 0 || fclose(f) != 0)
    fprintf(stderr, "qemu-insn-count: cannot write %s: %s\n", out_path,
            strerror(errno));
}

/* Parses "0x..." or decimal into *value; returns 0 on success. */
static int parse_address(const char *text, uint64_t *value) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 0);
  if (errno || end == text || *end)
    return -1;
  *value = v;
  return 0;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info, int argc,
                                           char **argv) {
  (void)info;
  for (int i = 0; i < argc; ++i) {
    const char *arg = argv[i];
    int ok;
    if (!strncmp(arg, "start=", 6))
      ok = parse_address(arg + 6, &range_start) == 0;
    else if (!strncmp(arg, "end=", 4))
      ok = parse_address(arg + 4, &range_end) == 0;
    else if (!strncmp(arg, "out=", 4))
      ok = (out_path = strdup(arg + 4)) != NULL && arg[4];
    else
      ok = 0;
    if (!ok) {
      fprintf(stderr,
              "qemu-insn-count: bad argument '%s' (expected start=ADDR, "
              "end=ADDR, out=FILE)\n",
              arg);
      return -1;
    }
  }
  if (range_start >= range_end) {
    fprintf(stderr, "qemu-insn-count: empty range [0x%" PRIx64 ", 0x%" PRIx64
                    ")\n", range_start, range_end);
    return -1;
  }
  qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
  qemu_plugin_register_atexit_cb(id, at_exit, NULL);
  return 0;
}
