// SPDX-License-Identifier: GPL-2.0
/* The words of the hvnet command line: keywords, names, numbers, devices. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

const char *arg_peek(const struct hv_args *a)
{
	return a->argc > 0 ? a->argv[0] : NULL;
}

const char *arg_next(struct hv_args *a)
{
	if (a->argc <= 0)
		return NULL;
	a->argc--;
	return *a->argv++;
}

int arg_value(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	      const char **val)
{
	*val = arg_next(a);
	if (*val)
		return 0;
	/* positional words are spelled in capitals in the grammar */
	if (isupper((unsigned char)kw[0]))
		return hv_usage(ctx, "missing %s", kw);
	return hv_usage(ctx, "\"%s\" needs a value", kw);
}

int arg_uint(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     uint32_t max, uint32_t *val)
{
	const char *s;
	int ret;

	ret = arg_value(ctx, a, kw, &s);
	if (ret)
		return ret;
	ret = parse_uint(s, max, val);
	if (ret == -ERANGE)
		return hv_usage(ctx, "%s %s is out of range (0-%u)", kw, s, max);
	if (ret)
		return hv_usage(ctx, "%s \"%s\" is not a number", kw, s);
	return 0;
}

int arg_name(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     const char **name)
{
	int ret;

	ret = arg_value(ctx, a, kw, name);
	if (ret)
		return ret;
	if (!**name)
		return hv_usage(ctx, "%s is empty", kw);
	if (strlen(*name) >= VSWITCH_NAME_LEN)
		return hv_usage(ctx, "%s \"%s\" is too long (at most %d bytes)",
				kw, *name, VSWITCH_NAME_LEN - 1);
	return 0;
}

int arg_dev(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	    uint32_t *ifindex)
{
	const char *dev;
	int ret;

	ret = arg_value(ctx, a, kw, &dev);
	if (ret)
		return ret;
	*ifindex = strlen(dev) < IFNAMSIZ ? if_nametoindex(dev) : 0;
	if (*ifindex)
		return 0;
	fprintf(stderr, "hvnet: cannot find device \"%s\"\n", dev);
	return HV_EXIT_FAIL;
}

int arg_mac(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	    uint8_t mac[HV_MAC_LEN])
{
	const char *s;
	int ret;

	ret = arg_value(ctx, a, kw, &s);
	if (ret)
		return ret;
	if (parse_mac(s, mac))
		return hv_usage(ctx, "invalid MAC address \"%s\" (xx:xx:xx:xx:xx:xx)", s);
	return 0;
}

/* "a, b, c": the names of @t, for a message. */
static void names_list(const struct hv_names *t, char *buf, size_t len)
{
	size_t off = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < t->count && off < len; i++) {
		if (t->names[i])
			off += snprintf(buf + off, len - off, "%s%s",
					off ? ", " : "", t->names[i]);
	}
}

int arg_lookup(struct hv_ctx *ctx, const char *what, const char *word,
	       const struct hv_names *t, int *idx)
{
	char list[256];

	*idx = hv_lookup(t, word);
	if (*idx >= 0)
		return 0;
	names_list(t, list, sizeof(list));
	if (!list[0])
		return hv_usage(ctx, "unexpected \"%s\"", word);
	if (*idx == HV_AMBIGUOUS)
		return hv_usage(ctx, "%s \"%s\" is ambiguous (%s)", what, word, list);
	return hv_usage(ctx, "unknown %s \"%s\" (%s)", what, word, list);
}

int arg_enum(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     const struct hv_names *t, uint32_t *val)
{
	const char *s;
	int ret, idx;

	ret = arg_value(ctx, a, kw, &s);
	if (ret)
		return ret;
	ret = arg_lookup(ctx, kw, s, t, &idx);
	*val = idx;
	return ret;
}

int arg_keyword(struct hv_ctx *ctx, struct hv_args *a,
		const struct hv_names *t, int *idx)
{
	const char *word = arg_next(a);

	if (!word)
		return hv_usage(ctx, "missing argument");
	return arg_lookup(ctx, "argument", word, t, idx);
}

int arg_end(struct hv_ctx *ctx, const struct hv_args *a)
{
	if (a->argc > 0)
		return hv_usage(ctx, "unexpected \"%s\"", a->argv[0]);
	return 0;
}

int arg_options(struct hv_ctx *ctx, struct hv_args *a,
		const struct hv_names *opts, unsigned int allowed,
		unsigned int *seen, hv_opt_fn fn, void *data)
{
	const char *names[32] = { NULL };
	struct hv_names usable = { names, opts->count };
	const char *word;
	unsigned int i;
	int ret, opt;

	/* only the options of this command count, for abbreviations too */
	for (i = 0; i < opts->count && i < ARRAY_SIZE(names); i++)
		if (allowed & HV_OPT(i))
			names[i] = opts->names[i];
	*seen = 0;
	while ((word = arg_peek(a))) {
		if (hv_lookup(&usable, word) == HV_NO_MATCH &&
		    hv_lookup(opts, word) >= 0)
			return hv_usage(ctx, "\"%s\" is not an argument of \"%s %s\"",
					word, ctx->obj->name, ctx->cmd);
		ret = arg_keyword(ctx, a, &usable, &opt);
		if (ret)
			return ret;
		if (*seen & HV_OPT(opt))
			return hv_usage(ctx, "\"%s\" is given twice", word);
		*seen |= HV_OPT(opt);
		ret = fn(ctx, a, opt, data);
		if (ret)
			return ret;
	}
	return 0;
}
