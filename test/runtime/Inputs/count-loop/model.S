@ model.S - stand-in model for the instruction-count test (ARMv7-M and
@ later). model_run reads n from in0, counts down from n and stores n to
@ out0: 2 + 2n + 2 instructions, 2004 for n = 1000.
    .syntax unified
    .thumb
    .text
    .global model_run
    .type model_run, %function
    .thumb_func
model_run:
    ldr r2, [r0]
    mov r3, r2
1:  subs r3, r3, #1
    bne 1b
    str r2, [r1]
    bx lr
    .size model_run, . - model_run
