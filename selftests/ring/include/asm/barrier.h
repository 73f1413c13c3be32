/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RING_SHIM_BARRIER_H
#define _RING_SHIM_BARRIER_H
/* the kernel's barriers as the C11 memory model has them */
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE) /* acquire */
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE) /* release */
#define virt_mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST) /* full */
#endif
