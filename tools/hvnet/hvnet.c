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

static const struct hv_object *const hv_objects[] = {
	&hv_info_obj,
	&hv_switch_obj,
	&hv_port_obj,
	&hv_nic_obj,
	&hv_fdb_obj,
	&hv_monitor_obj,
	&hv_ext_obj,
	&hv_prop_obj,
	&hv_bpf_obj,
	&hv_capture_obj,
	&hv_sfwd_obj,
	&hv_acl_obj,
	&hv_partition_obj,
};

static void usage(FILE *out, bool all)
{
	size_t i;

	fprintf(out,
		"Usage: hvnet [OPTIONS] OBJECT { COMMAND | help }\n"
		"where  OBJECT := { info | switch | port | nic | fdb | ext | prop | monitor |\n"
		"                   bpf | capture | sfwd | acl | partition | help }\n"
		"       OPTIONS := { -j[son] | -p[retty] | -s[tatistics] | -V[ersion] | -h[elp] |\n"
		"                    -b[atch] FILE }\n");
	for (i = 0; all && i < ARRAY_SIZE(hv_objects); i++)
		fprintf(out, "\n%s", hv_objects[i]->usage);
	fprintf(out, "\nSee hvnet(8).\n");
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

int hv_usage(struct hv_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fputs("hvnet: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (ctx->obj)
		fprintf(stderr, "\nTry \"hvnet %s help\".\n", ctx->obj->name);
	else
		fprintf(stderr, "\nTry \"hvnet help\".\n");
	return HV_EXIT_USAGE;
}

static int run_object(struct hv_ctx *ctx, const struct hv_object *obj,
		      struct hv_args *a)
{
	const char *names[16] = { NULL };
	struct hv_names cmds = { names, obj->ncmds };
	const char *word = arg_peek(a);
	unsigned int i;
	int ret, idx = 0;

	ctx->obj = obj;
	if (word && matches(word, "help")) {
		fputs(obj->usage, stdout);
		return 0;
	}
	if (obj->run)
		return obj->run(ctx, a);
	if (word) {
		for (i = 0; i < obj->ncmds && i < ARRAY_SIZE(names); i++)
			names[i] = obj->cmds[i].name;
		ret = arg_lookup(ctx, "command", arg_next(a), &cmds, &idx);
		if (ret)
			return ret;
	}
	ctx->cmd = obj->cmds[idx].name;
	return obj->cmds[idx].run(ctx, a);
}

/* One command: OBJECT [COMMAND [ARGUMENTS]], its words in argv. */
static int run_words(struct hv_ctx *ctx, int argc, char **argv)
{
	const char *names[ARRAY_SIZE(hv_objects)];
	struct hv_names objects = { names, ARRAY_SIZE(names) };
	struct hv_args args;
	int ret, obj;
	size_t i;

	if (matches(argv[0], "help")) {
		usage(stdout, true);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(hv_objects); i++)
		names[i] = hv_objects[i]->name;
	ctx->obj = NULL;
	ctx->cmd = NULL;
	/* as in iproute2, an abbreviation means the first object it fits */
	obj = hv_lookup(&objects, argv[0]);
	for (i = 0; obj == HV_AMBIGUOUS && i < ARRAY_SIZE(hv_objects); i++)
		if (matches(argv[0], names[i]))
			obj = i;
	if (obj < 0) {
		ret = arg_lookup(ctx, "object", argv[0], &objects, &obj);
		if (ret)
			return ret;
	}
	args.argc = argc - 1;
	args.argv = argv + 1;
	return run_object(ctx, hv_objects[obj], &args);
}

/*
 * -batch FILE: one command per line, without the leading "hvnet", over one
 * netlink socket; '#' starts a comment. Stops at the first failure, which
 * is reported with its line number.
 */
static int run_batch(struct hv_ctx *ctx, const char *path)
{
	FILE *in = strcmp(path, "-") ? fopen(path, "r") : stdin;
	unsigned int lineno = 0;
	char line[4096];
	int ret = 0;

	if (!in) {
		fprintf(stderr, "hvnet: cannot open %s: %s\n", path, strerror(errno));
		return HV_EXIT_FAIL;
	}
	while (!ret && fgets(line, sizeof(line), in)) {
		char *words[64], *save = NULL, *w;
		int n = 0;

		lineno++;
		line[strcspn(line, "#\n")] = '\0';
		for (w = strtok_r(line, " \t", &save); w && n < (int)ARRAY_SIZE(words);
		     w = strtok_r(NULL, " \t", &save))
			words[n++] = w;
		if (!n)
			continue;
		ret = run_words(ctx, n, words);
		if (ret)
			fprintf(stderr, "hvnet: %s:%u: command failed\n", path, lineno);
	}
	if (in != stdin)
		fclose(in);
	return ret;
}

int main(int argc, char **argv)
{
	struct hv_ctx ctx = { .bol = true };
	const char *batch = NULL;
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
			usage(stdout, true);
			return 0;
		}
		if (matches(opt, "json")) {
			ctx.json = true;
		} else if (matches(opt, "pretty")) {
			ctx.pretty = true;
		} else if (matches(opt, "statistics")) {
			ctx.stats++;
		} else if (matches(opt, "batch")) {
			if (argc < 3) {
				fprintf(stderr, "hvnet: -batch needs a file (- for stdin)\n");
				return HV_EXIT_USAGE;
			}
			batch = argv[2];
			argc--;
			argv++;
		} else {
			fprintf(stderr, "hvnet: unknown option \"%s\"\n", argv[1]);
			usage(stderr, false);
			return HV_EXIT_USAGE;
		}
		argc--;
		argv++;
	}
	if (!batch && argc < 2) {
		usage(stderr, false);
		return HV_EXIT_USAGE;
	}
	if (batch && argc > 1) {
		fprintf(stderr, "hvnet: -batch takes no command on the command line\n");
		return HV_EXIT_USAGE;
	}
	if (!batch && matches(argv[1], "help")) {
		usage(stdout, true);
		return 0;
	}

	json_init(&ctx.jw, stdout, ctx.pretty);
	ret = nl_open(&ctx.nl);
	if (ret) {
		fprintf(stderr, "hvnet: cannot open a generic netlink socket: %s\n",
			strerror(-ret));
		return HV_EXIT_FAIL;
	}
	ret = batch ? run_batch(&ctx, batch) : run_words(&ctx, argc - 1, argv + 1);
	nl_close(&ctx.nl);
	return ret;
}
