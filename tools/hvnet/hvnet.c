// SPDX-License-Identifier: GPL-2.0
/*
 * hvnet - configure the hvnet suite (Hyper-V networking model) over generic
 * netlink. Grammar in the style of iproute2:
 *
 *	hvnet [OPTIONS] OBJECT [COMMAND [ARGUMENTS]]
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hvnet.h"
#include "../../include/hvnet/version.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: hvnet [OPTIONS] OBJECT [COMMAND [ARGUMENTS]]\n"
		"where  OBJECT := { info | help }\n"
		"       OPTIONS := { -j[son] | -p[retty] | -s[tatistics] | -V[ersion] | -h[elp] }\n"
		"\n"
		"       hvnet info [MODULE]    version and protocol revision of each loaded module\n"
		"                              (MODULE := vswitch | netvsp | netvsc | sriov_pf)\n"
		"\n"
		"See hvnet(8).\n");
}

void hv_err(struct hv_ctx *ctx, int err, const char *fmt, ...)
{
	va_list ap;

	fputs("hvnet: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s", strerror(-err));
	if (ctx->nl.ext_msg[0])
		fprintf(stderr, ": %s", ctx->nl.ext_msg);
	fputc('\n', stderr);
}

static int matches(const char *arg, const char *word)
{
	size_t len = strlen(arg);

	return len && len <= strlen(word) && !strncmp(arg, word, len);
}

int main(int argc, char **argv)
{
	struct hv_ctx ctx = { 0 };
	const char *obj;
	int ret;

	while (argc > 1 && argv[1][0] == '-') {
		const char *opt = argv[1] + 1;

		if (*opt == '-')
			opt++;
		if (matches(opt, "Version")) {
			printf("hvnet %s\n", HVNET_VERSION);
			return 0;
		}
		if (matches(opt, "help")) {
			usage(stdout);
			return 0;
		}
		if (matches(opt, "json")) {
			ctx.json = true;
		} else if (matches(opt, "pretty")) {
			ctx.pretty = true;
		} else if (matches(opt, "statistics")) {
			ctx.stats++;
		} else {
			fprintf(stderr, "hvnet: unknown option \"%s\"\n", argv[1]);
			usage(stderr);
			return 2;
		}
		argc--;
		argv++;
	}
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	obj = argv[1];
	if (matches(obj, "help")) {
		usage(stdout);
		return 0;
	}
	if (!matches(obj, "info")) {
		fprintf(stderr, "hvnet: unknown object \"%s\"; try \"hvnet help\"\n", obj);
		return 2;
	}

	ret = nl_open(&ctx.nl);
	if (ret) {
		fprintf(stderr, "hvnet: cannot open a generic netlink socket: %s\n",
			strerror(-ret));
		return 1;
	}
	ret = do_info(&ctx, argc - 2, argv + 2);
	nl_close(&ctx.nl);
	return ret;
}
