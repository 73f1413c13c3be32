// SPDX-License-Identifier: GPL-2.0
/*
 * Every policy of every hvnet generic netlink family, as the kernel itself
 * reports it (CTRL_CMD_GETPOLICY), is sound and holds at every bound.
 *
 * policy_dump: each family's policies, dumped whole and op by op, are the
 *   same; every op that has a do or a dump validates its attributes; every
 *   bound fits its type. Dumping walks each attribute's range in the kernel
 *   (nla_get_range_unsigned()), so a policy whose bounds overflow WARNs
 *   here, and guest-run fails the test on the kernel report.
 * boundaries: every op, do and dump, gets every attribute of its policy at
 *   its minimum and maximum, one past each, with no payload, at its longest
 *   and one past, with the wrong nesting flag, and every attribute number
 *   the policy does not have. In-range values must not be refused by the
 *   policy (the handler may refuse them for its own reasons); the others
 *   must be, with an extack that names the attribute.
 *
 * A kernel without split ops (6.1, told by its policy dump: no command's do
 * and dump have policies of their own) keeps one policy per command, its
 * do's, and dumps it for the dump too; hvnet's fold (include/hvnet/genl.h)
 * has the dump's own, narrower request checked when the dump starts. There
 * the attributes of that policy that the dump's spec does not list are in
 * range for the policy and must be refused at dump start all the same
 * (EINVAL and lib/nlattr.c's message, without the attribute's offset,
 * which a dump's end cannot carry on 6.1); their out-of-range values are
 * refused by the do's policy as any are.
 *
 * Which families: those the specs list (genl_spec.txt) and those that
 * appear when every module of /lib/modules/$(uname -r)/extra/hvnet loads.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "genl_policy.h"

#define MAX_FAMS	16

FIXTURE(fams) {
	int fd;
	int n;
	char names[MAX_FAMS][NAME_LEN];
	struct fam *f;
	int nspecs;
	int folded;		/* dumps that take less than the policy dumped for them */
	double t0;
};

static struct spec_fam specs[MAX_FAMS];

FIXTURE_SETUP(fams)
{
	char err[256];
	int ns, i, j, split;

	self->t0 = seconds_now();
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	self->n = hvnet_families(self->fd, self->names, MAX_FAMS);
	ASSERT_LE(0, self->n);
	ns = spec_load("genl_spec.txt", specs, MAX_FAMS);
	ASSERT_LT(0, ns) TH_LOG("genl_spec.txt is missing or unreadable");
	self->nspecs = ns;
	/* a spec's family whose module could not be unloaded first */
	for (i = 0; i < ns; i++) {
		for (j = 0; j < self->n; j++)
			if (!strcmp(specs[i].name, self->names[j]))
				break;
		if (j == self->n && self->n < MAX_FAMS && genl_resolve(self->fd, specs[i].name) > 0)
			snprintf(self->names[self->n++], NAME_LEN, "%.63s", specs[i].name);
	}
	if (!self->n)
		SKIP(return, "no hvnet module loads");
	self->f = calloc(self->n, sizeof(*self->f));
	ASSERT_NE(NULL, self->f);
	split = genl_split_ops(self->fd);
	ASSERT_LE(0, split) TH_LOG("the families' policies cannot be read");
	for (i = 0; i < self->n; i++) {
		const struct spec_fam *s = NULL;

		ASSERT_EQ(0, fam_get(self->fd, self->names[i], -1, &self->f[i], err, sizeof(err)))
			TH_LOG("%s", err);
		for (j = 0; j < ns; j++)
			if (!strcmp(specs[j].name, self->names[i]))
				s = &specs[j];
		self->folded += fam_fold(&self->f[i], s, split);
	}
	if (!split)
		printf("# no split ops: a dump's policy is its do's; %d dumps take less\n",
		       self->folded);
}

FIXTURE_TEARDOWN(fams)
{
	free(self->f);
	close(self->fd);
	/* what the sweep's in-range requests made goes with the modules */
	EXPECT_EQ(0, hvnet_unload_all()) TH_LOG("a module does not unload");
	printf("# took %.1f s\n", seconds_now() - self->t0);
}

static bool same_attr(const struct pol_attr *a, const struct pol_attr *b)
{
	return a->present == b->present && a->type == b->type &&
	       a->has_urange == b->has_urange && a->umin == b->umin && a->umax == b->umax &&
	       a->has_srange == b->has_srange && a->smin == b->smin && a->smax == b->smax &&
	       a->has_mask == b->has_mask && a->mask == b->mask && a->minlen == b->minlen &&
	       a->has_maxlen == b->has_maxlen && a->maxlen == b->maxlen &&
	       (a->nest < 0) == (b->nest < 0) && a->nest_max == b->nest_max;
}

/* the bounds of one attribute make sense for its type; else why not */
static const char *bad_bounds(const struct fam *f, const struct pol_attr *a)
{
	uint64_t tmax = pt_umax(a->type);

	switch (a->type) {
	case NL_ATTR_TYPE_U8:
	case NL_ATTR_TYPE_U16:
	case NL_ATTR_TYPE_U32:
	case NL_ATTR_TYPE_U64:
	case PT_UINT:
		if (a->has_mask)
			return a->mask & ~tmax ? "mask wider than the type" : NULL;
		if (!a->has_urange)
			return "no range";
		if (a->umax > tmax)
			return "maximum beyond the type's";
		if (a->umin > a->umax)
			return "minimum above the maximum";
		return NULL;
	case NL_ATTR_TYPE_S8:
	case NL_ATTR_TYPE_S16:
	case NL_ATTR_TYPE_S32:
	case NL_ATTR_TYPE_S64:
	case PT_SINT:
		if (!a->has_srange)
			return "no range";
		return a->smin > a->smax ? "minimum above the maximum" : NULL;
	case NL_ATTR_TYPE_STRING:
	case NL_ATTR_TYPE_NUL_STRING:
	case NL_ATTR_TYPE_BINARY:
		if (a->has_maxlen && a->minlen > a->maxlen)
			return "shortest length above the longest";
		return NULL;
	case NL_ATTR_TYPE_NESTED:
	case NL_ATTR_TYPE_NESTED_ARRAY:
		return a->nest >= f->npol ? "nested policy not in the dump" : NULL;
	case NL_ATTR_TYPE_FLAG:
	case NL_ATTR_TYPE_BITFIELD32:
		return NULL;
	}
	return "unknown type";
}

/* One op of @f against its own policy dump (@one); returns the problems. */
static int check_op(struct __test_metadata *_metadata, const struct fam *f,
		    const struct fam *one, const struct fam_op *op, const char *name, int *nattrs)
{
	const uint32_t cap[KINDS] = { GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP };
	const struct fam_op *alone = fam_op(one, op->cmd);
	const char *why;
	int k, t, bad = 0;
	char buf[160];

	for (k = 0; k < KINDS; k++) {
		const struct policy *p = fam_op_policy(f, op, k);
		const struct policy *q = fam_op_policy(one, alone, k);
		const char *kind = kind_name[k];

		if (!(op->flags & cap[k])) {
			if (p)
				TH_LOG("%s %s: a %s policy, no %s", f->name, name, kind, kind);
			bad += !!p;
			continue;
		}
		if (!p || !(op->flags & GENL_CMD_CAP_HASPOL)) {
			TH_LOG("%s %s %s: no policy validates its attributes", f->name, name, kind);
			bad++;
			continue;
		}
		if (!q) {
			TH_LOG("%s %s %s: no policy when dumped alone", f->name, name, kind);
			bad++;
			continue;
		}
		for (t = 0; t <= POL_MAX_ATTR; t++) {
			if (!same_attr(&p->a[t], &q->a[t])) {
				TH_LOG("%s %s %s attribute %d: not the same dumped alone",
				       f->name, name, kind, t);
				bad++;
			}
			if (!p->a[t].present)
				continue;
			(*nattrs)++;
			why = bad_bounds(f, &p->a[t]);
			if (!why)
				continue;
			pol_attr_str(&p->a[t], buf, sizeof(buf));
			TH_LOG("%s %s %s attribute %d (%s): %s", f->name, name, kind, t, buf, why);
			bad++;
		}
	}
	return bad;
}

TEST_F_TIMEOUT(fams, policy_dump, 120)
{
	static struct fam one;
	int i, o, bad = 0, nattrs = 0;
	char err[256];

	for (i = 0; i < self->n; i++) {
		const struct fam *f = &self->f[i];

		for (o = 0; o < f->nops; o++) {
			const struct fam_op *op = &f->ops[o];
			const char *name = op_label(specs, self->nspecs, f->name, op->cmd);

			/* the op alone: the kernel's other path to the same policies */
			if (fam_get(self->fd, f->name, op->cmd, &one, err, sizeof(err))) {
				TH_LOG("%s", err);
				bad++;
				continue;
			}
			bad += check_op(_metadata, f, &one, op, name, &nattrs);
		}
		printf("# %s: %d ops, %d policies\n", f->name, f->nops, f->npol);
	}
	printf("# %d attribute policies checked\n", nattrs);
	EXPECT_LT(0, nattrs);
	EXPECT_EQ(0, bad);
}

TEST_F_TIMEOUT(fams, boundaries, 300)
{
	int i, o, k, failures = 0;

	for (i = 0; i < self->n; i++) {
		const struct fam *f = &self->f[i];
		struct sweep_stats st = { 0 };

		for (o = 0; o < f->nops; o++) {
			const char *name = op_label(specs, self->nspecs, f->name, f->ops[o].cmd);

			for (k = 0; k < KINDS; k++)
				failures += sweep_op(self->fd, f, &f->ops[o], k, name, &st);
		}
		sweep_print(f->name, &st);
		EXPECT_LT(0, st.sent);
	}
	EXPECT_EQ(0, failures);
}

TEST_HARNESS_MAIN
