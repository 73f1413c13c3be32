/* SPDX-License-Identifier: GPL-2.0 */
/* The hvnet command: shared state of one invocation. */
#ifndef HVNET_HVNET_H
#define HVNET_HVNET_H

#include <stdbool.h>

#include "json.h"
#include "nl.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct hv_ctx {
	struct hv_nl nl;
	bool json;
	bool pretty;
	int stats;
};

/* Print a failed request's error (with the kernel's extack message). */
void hv_err(struct hv_ctx *ctx, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Objects: each takes the words after its name. */
int do_info(struct hv_ctx *ctx, int argc, char **argv);

#endif /* HVNET_HVNET_H */
