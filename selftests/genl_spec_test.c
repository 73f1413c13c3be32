// SPDX-License-Identifier: GPL-2.0
/*
 * Spec = kernel: what each YAML spec says an op takes is exactly what the
 * kernel's policy for it accepts.
 *
 * genl_spec.txt (written on the host by genl_spec.py from
 * Documentation/netlink/specs/) lists every op, do and dump, with its
 * privilege and its request attributes, each with the policy the kernel must
 * dump for it. Here the kernel's own account (CTRL_CMD_GETFAMILY,
 * CTRL_CMD_GETPOLICY) is held against it:
 *
 * families: every family hvnet's modules register has a spec, and every spec's
 *   family is registered once its module (same name) is loaded.
 * ops: the kernel has exactly the spec's ops and, per op, its do and dump, with
 *   the spec's privilege flags.
 * attributes: per op and kind the kernel's policy has exactly the spec's
 *   request attributes, each of the same type with the same bounds (nested
 *   policies too).
 *
 * split_ops: the kernel's policy dump shows split ops (a command whose do
 *   and dump have policies of their own) on 6.2 and later and on no older
 *   kernel: what the other tests tell from the dump agrees with what the
 *   kernel is, so a fold on a kernel that has split ops cannot pass for 6.1.
 *
 * Without split ops (6.1) a command has one policy, its do's, and the
 * kernel dumps it for the dump too (include/hvnet/genl.h folds the
 * generated table; the dump's own request is checked when it starts). There
 * a dump's spec request must be contained in that policy with the same
 * bounds, and each attribute the do takes and the dump does not must be
 * refused at dump start (EINVAL and lib/nlattr.c's message; 6.1 gives no
 * offset with a dump's error), not accepted.
 *
 * The kernel's policies are generated from the specs (make regen): there is
 * no known mismatch, and any is a failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "genl_policy.h"

#define MAX_FAMS	16

static struct spec_fam specs[MAX_FAMS];
static int nspecs;

/* A mismatch: printed and counted. */
static int differ(const char *family, const char *op, int kind, const char *attr,
		  const char *what, const char *detail)
{
	printf("# differs: %s %s %s %s: %s%s%s\n", family, op, kind_name[kind], attr, what,
	       detail[0] ? ": " : "", detail);
	return 1;
}

static const struct spec_fam *spec_of(const char *name)
{
	int i;

	for (i = 0; i < nspecs; i++)
		if (!strcmp(specs[i].name, name))
			return &specs[i];
	return NULL;
}

static bool same_bounds(const struct pol_attr *k, const struct pol_attr *s)
{
	return k->type == s->type && k->has_mask == s->has_mask && k->mask == s->mask &&
	       k->has_urange == s->has_urange && k->umin == s->umin && k->umax == s->umax &&
	       k->has_srange == s->has_srange && k->smin == s->smin && k->smax == s->smax &&
	       k->minlen == s->minlen && k->has_maxlen == s->has_maxlen &&
	       k->maxlen == s->maxlen;
}

/*
 * The kernel's policy @p against the spec's attributes; returns mismatches.
 * @refused: attributes of @p the spec does not list that the op refuses
 * all the same (a folded dump's, which only its do takes), checked apart.
 */
static int compare_policy(const struct spec_fam *s, const struct fam *f, const char *op,
			  int kind, const char *set, const struct policy *p,
			  const struct spec_attr *attrs, int nattrs, uint64_t refused, int depth)
{
	char kb[160], sb[160], detail[400];
	bool listed[POL_MAX_ATTR + 1] = { false };
	int i, t, bad = 0;

	for (i = 0; i < nattrs; i++) {
		const struct spec_attr *sa = &attrs[i];
		const struct pol_attr *ka;

		if (sa->num > POL_MAX_ATTR || !p || !p->a[sa->num].present) {
			bad += differ(s->name, op, kind, sa->name,
				      "in the spec, refused by the kernel", "");
			continue;
		}
		listed[sa->num] = true;
		ka = &p->a[sa->num];
		pol_attr_str(ka, kb, sizeof(kb));
		pol_attr_str(&sa->pol, sb, sizeof(sb));
		snprintf(detail, sizeof(detail), "kernel %s, spec %s", kb, sb);
		if (!same_bounds(ka, &sa->pol)) {
			bad += differ(s->name, op, kind, sa->name,
				      ka->type == sa->pol.type ? "bounds differ" : "types differ",
				      detail);
			continue;
		}
		if (sa->nest[0]) {
			const struct spec_set *ns = spec_nest(s, sa->nest);

			if (!ns || ka->nest < 0 || ka->nest >= f->npol || depth > 4)
				bad += differ(s->name, op, kind, sa->name,
					      "nested policy not dumped", "");
			else
				bad += compare_policy(s, f, op, kind, ns->name, &f->pol[ka->nest],
						      ns->attrs, ns->nattrs, 0, depth + 1);
		}
	}
	for (t = 0; p && t <= p->top; t++) {
		if (!p->a[t].present || listed[t] || (refused >> t & 1))
			continue;
		pol_attr_str(&p->a[t], kb, sizeof(kb));
		snprintf(detail, sizeof(detail), "kernel %s", kb);
		bad += differ(s->name, op, kind, spec_attr_name(s, set, t),
			      "accepted, not in the spec", detail);
	}
	return bad;
}

FIXTURE(spec) {
	int fd;
	double t0;
};

FIXTURE_SETUP(spec)
{
	self->t0 = seconds_now();
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	nspecs = spec_load("genl_spec.txt", specs, MAX_FAMS);
	ASSERT_LT(0, nspecs) TH_LOG("genl_spec.txt is missing or unreadable");
}

FIXTURE_TEARDOWN(spec)
{
	close(self->fd);
	printf("# took %.1f s\n", seconds_now() - self->t0);
}

TEST_F_TIMEOUT(spec, families, 120)
{
	char names[MAX_FAMS][NAME_LEN], mods[MOD_MAX][NAME_LEN];
	int n, nm, i, j, bad = 0;

	n = hvnet_families(self->fd, names, MAX_FAMS);
	ASSERT_LE(0, n);
	nm = hvnet_modules(mods, MOD_MAX);
	for (i = 0; i < n; i++) {
		if (spec_of(names[i]))
			continue;
		printf("# family %s has no spec in Documentation/netlink/specs/\n", names[i]);
		bad++;
	}
	for (i = 0; i < nspecs; i++) {
		for (j = 0; j < nm; j++)
			if (!strcmp(mods[j], specs[i].name))
				break;
		if (j == nm) {
			printf("# %s: no module %s.ko here\n", specs[i].name, specs[i].name);
			continue;
		}
		if (genl_resolve(self->fd, specs[i].name) <= 0) {
			printf("# %s.ko is loaded and family %s is not registered\n",
			       specs[i].name, specs[i].name);
			bad++;
		}
	}
	printf("# %d families registered by %d modules, %d specs\n", n, nm, nspecs);
	EXPECT_LT(0, n);
	EXPECT_EQ(0, bad);
}

/* the kernel's ops and kinds of @f are the spec's */
static int kernel_ops_in_spec(const struct spec_fam *s, const struct fam *f)
{
	const uint32_t cap[KINDS] = { GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP };
	int o, k, bad = 0;

	for (o = 0; o < f->nops; o++) {
		for (k = 0; k < KINDS; k++) {
			if (!(f->ops[o].flags & cap[k]) || spec_op(s, f->ops[o].cmd, k))
				continue;
			printf("# differs: %s op %u has a %s, the spec not\n", s->name,
			       f->ops[o].cmd, kind_name[k]);
			bad++;
		}
	}
	return bad;
}

/*
 * the spec's ops of @s: in the kernel, with its privilege and attributes; a
 * folded dump's extra attributes (only its do takes them) refused at start
 */
static int spec_ops_in_kernel(int fd, const struct spec_fam *s, const struct fam *f,
			      int *compared, int *refusals)
{
	const uint32_t cap[KINDS] = { GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP };
	int o, bad = 0;

	for (o = 0; o < s->nops; o++) {
		const struct spec_op *so = &s->ops[o];
		const struct fam_op *op = fam_op(f, so->cmd);
		const char *kind = kind_name[so->kind];

		if (!op || !(op->flags & cap[so->kind])) {
			printf("# differs: %s %s (%u) %s: in the spec, not in the kernel\n",
			       s->name, so->name, so->cmd, kind);
			bad++;
			continue;
		}
		if (strcmp(op_priv(op->flags), so->priv)) {
			printf("# differs: %s %s %s: the kernel needs %s, the spec %s\n", s->name,
			       so->name, kind, op_priv(op->flags), so->priv);
			bad++;
		}
		bad += compare_policy(s, f, so->name, so->kind, so->set,
				      fam_op_policy(f, op, so->kind), so->attrs, so->nattrs,
				      so->kind == KIND_DUMP ? op->dump_refuses : 0, 0);
		if (so->kind == KIND_DUMP && op->dump_refuses)
			bad += dump_refusals(fd, f, op, so->name, refusals);
		(*compared)++;
	}
	return bad;
}

TEST_F_TIMEOUT(spec, ops_and_attributes, 120)
{
	int i, bad = 0, compared = 0, refusals = 0, folded = 0, split;
	static struct fam f;
	char err[256];

	ASSERT_LT(0, hvnet_load_all());
	split = genl_split_ops(self->fd);
	ASSERT_LE(0, split) TH_LOG("the families' policies cannot be read");
	for (i = 0; i < nspecs; i++) {
		if (genl_resolve(self->fd, specs[i].name) <= 0)
			continue;
		ASSERT_EQ(0, fam_get(self->fd, specs[i].name, -1, &f, err, sizeof(err)))
			TH_LOG("%s", err);
		folded += fam_fold(&f, &specs[i], split);
		bad += kernel_ops_in_spec(&specs[i], &f);
		bad += spec_ops_in_kernel(self->fd, &specs[i], &f, &compared, &refusals);
	}
	printf("# %d ops compared\n", compared);
	if (!split)
		printf("# no split ops: %d dumps take less than their do's policy; %d %s\n",
		       folded, refusals, "attributes only the do takes sent to their dump");
	EXPECT_LT(0, compared);
	EXPECT_EQ(0, bad);
}

TEST_F_TIMEOUT(spec, split_ops, 120)
{
	bool since = kernel_at_least(6, 2);
	int split;

	ASSERT_LT(0, hvnet_load_all());
	split = genl_split_ops(self->fd);
	ASSERT_LE(0, split) TH_LOG("the families' policies cannot be read");
	printf("# the policy dump shows %s; the kernel is %s 6.2\n",
	       split ? "split ops" : "one policy per command", since ? "at least" : "older than");
	EXPECT_EQ(since, !!split)
		TH_LOG("split ops are 6.2's: the policy dump says otherwise");
}

TEST_HARNESS_MAIN
