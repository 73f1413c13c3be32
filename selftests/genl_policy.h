/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the kernel says of a generic netlink family (CTRL_CMD_GETFAMILY: its
 * ops and their flags; CTRL_CMD_GETPOLICY: each op's do and dump policy,
 * per attribute its type and bounds), what the specs say of it (the
 * expectations genl_spec.py wrote on the host), the cases that probe a
 * policy's every bound, and hvnet's modules. Shared by the genl_policy,
 * genl_spec, genl_priv and genl_fuzz selftests.
 */
#ifndef HVNET_SELFTESTS_GENL_POLICY_H
#define HVNET_SELFTESTS_GENL_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "genl_raw.h"

#define POL_MAX_ATTR	63	/* highest attribute number a policy may have */
#define POL_MAX		96	/* policies of one family */
#define FAM_MAX_OPS	64
#define NAME_LEN	64

/* netlink_attribute_type values newer than some uapi headers */
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#define PT_SINT		16
#define PT_UINT		17

/* One attribute of a policy, as CTRL_CMD_GETPOLICY reports it. */
struct pol_attr {
	bool present;
	uint32_t type;			/* NL_ATTR_TYPE_* */
	bool has_urange, has_srange, has_mask;
	uint64_t umin, umax, mask;
	int64_t smin, smax;
	uint32_t minlen, maxlen;	/* 0: none */
	bool has_maxlen;
	int nest;			/* nested policy's index, or -1 */
	uint32_t nest_max;
};

struct policy {
	int top;			/* highest attribute number present */
	struct pol_attr a[POL_MAX_ATTR + 1];
};

enum { KIND_DO, KIND_DUMP, KINDS };

struct fam_op {
	uint32_t cmd;
	uint32_t flags;			/* GENL_ADMIN_PERM, GENL_CMD_CAP_*, ... */
	int pol[KINDS];			/* policy index per kind, -1: none */
	/*
	 * A kernel without split ops (6.1) has one policy per command: its
	 * do's, dumped for its dump too. The attributes of that policy the
	 * dump does not take (its spec's request has not them), by number;
	 * hvnet refuses them when the dump starts (fam_fold()).
	 */
	uint64_t dump_refuses;
};

struct fam {
	char name[NAME_LEN];
	uint16_t id;
	int nops;
	struct fam_op ops[FAM_MAX_OPS];
	int npol;
	struct policy pol[POL_MAX];
};

/*
 * The family's ops (CTRL_CMD_GETFAMILY) and policies (CTRL_CMD_GETPOLICY of
 * the whole family, or of @op alone when @op >= 0). 0 or a negative errno;
 * @err gets a line saying what went wrong.
 */
int fam_get(int fd, const char *name, int op, struct fam *f, char *err, size_t errlen);
const struct fam_op *fam_op(const struct fam *f, uint32_t cmd);
const struct policy *fam_op_policy(const struct fam *f, const struct fam_op *op, int kind);
/* "admin", "uns-admin" or "none", from an op's flags */
const char *op_priv(uint32_t flags);
const char *pt_name(uint32_t type);
/* the attribute's bounds as one line, for messages and comparisons */
void pol_attr_str(const struct pol_attr *a, char *buf, size_t len);
/* the type's own range (0 for non-integers) */
uint64_t pt_umax(uint32_t type);

/* every family registered now (CTRL_CMD_GETFAMILY dump); returns the count */
int genl_families(int fd, char names[][NAME_LEN], int max);

/*
 * Has the kernel split ops (a do and a dump of one command with policies
 * of their own, 6.2 and later)? Read from the kernel, not its version:
 * some registered family's policy dump shows a command whose do and dump
 * have different policies (1), or none does (0: every command has one
 * policy, as on 6.1); a negative errno if the families cannot be read.
 * Asked of the kernel once, then remembered.
 */
int genl_split_ops(int fd);
/* uname's release is @major.@minor or later */
bool kernel_at_least(int major, int minor);

/* --- the specs' expectations (genl_spec.txt) ----------------------------- */

#define SPEC_MAX_ATTRS	48

struct spec_attr {
	uint16_t num;
	char name[NAME_LEN];
	struct pol_attr pol;		/* what the kernel must dump for it */
	char nest[NAME_LEN];		/* nested set, "" if none */
};

struct spec_set {
	char name[NAME_LEN];
	int nattrs;
	struct spec_attr attrs[SPEC_MAX_ATTRS];
};

struct spec_op {
	char name[NAME_LEN];
	uint32_t cmd;
	int kind;
	char priv[NAME_LEN];			/* none, admin, uns-admin */
	char set[NAME_LEN];
	int nattrs;
	struct spec_attr attrs[SPEC_MAX_ATTRS];
	int nvolatile;
	uint16_t volatile_attrs[SPEC_MAX_ATTRS];
};

struct spec_doc {
	char op[NAME_LEN];
	int kind;
	char priv[NAME_LEN];
};

struct spec_fam {
	char name[NAME_LEN];
	int nops;
	struct spec_op ops[FAM_MAX_OPS];
	int nnests;
	struct spec_set nests[8];
	int ndocs;
	struct spec_doc docs[FAM_MAX_OPS];
	int nnames;
	struct {
		char set[NAME_LEN];
		uint16_t num;
		char name[NAME_LEN];
	} names[256];			/* every attribute of every set */
};

/* Read the expectations (next to the test); the number of families or -1. */
int spec_load(const char *path, struct spec_fam *fams, int max);
const struct spec_op *spec_op(const struct spec_fam *s, uint32_t cmd, int kind);
const struct spec_op *spec_op_named(const struct spec_fam *s, const char *name, int kind);
/* an attribute's name in a set, or "attr-N" */
const char *spec_attr_name(const struct spec_fam *s, const char *set, uint16_t num);
/* is @num one of the request attributes of @op */
bool spec_op_takes(const struct spec_op *op, uint16_t num);
/* an op's name in the specs, or "op N" */
const char *op_label(const struct spec_fam *specs, int n, const char *fam, uint32_t cmd);
const struct spec_set *spec_nest(const struct spec_fam *s, const char *name);
extern const char *const kind_name[KINDS];

/*
 * On a kernel without split ops (@split 0), a dump that shares its
 * command's policy with the do (the only shape such a kernel dumps):
 * set the op's dump_refuses to the attributes of that policy the spec's
 * dump request does not have. Returns how many dumps take less than their
 * do's policy; 0 on a kernel with split ops (each dump's policy is its own).
 */
int fam_fold(struct fam *f, const struct spec_fam *s, int split);

/* --- probing a policy --------------------------------------------------- */

/* One attribute to send and whether its policy must accept it. */
struct pcase {
	const char *what;		/* "min", "max+1", "len 0", ... */
	bool ok;
	uint16_t flags;			/* NLA_F_NESTED or 0 */
	uint16_t len;
	unsigned char data[4200];
};

/*
 * Call @cb for every case of attribute @a of a policy of @f: each bound,
 * one past it, zero length, the longest length and one past it, the wrong
 * nesting flag; nested attributes recurse into their policy.
 */
void pol_cases(const struct fam *f, const struct pol_attr *a,
	       void (*cb)(const struct pcase *c, void *ctx), void *ctx);

/* the policy refused the request (and named an attribute in [off, off + len)) */
bool policy_refused(const struct genl_ans *ans);
bool policy_refused_at(const struct genl_ans *ans, uint32_t off, uint32_t len);
/*
 * A dump refused at its start by its own policy, narrower than the one the
 * kernel validated it against (6.1's, its do's): EINVAL and the policy's
 * message from lib/nlattr.c. 6.1 ends the dump with the message, without
 * the offending attribute's offset (NLMSG_DONE carries no more).
 */
bool dump_start_refused(const struct genl_ans *ans);

/*
 * Send @cmd of family @f (NLM_F_DUMP for KIND_DUMP) with one attribute and
 * return where it lies in the request through @off.
 */
int send_one(int fd, const struct fam *f, uint32_t cmd, int kind, uint16_t type,
	     const void *data, uint16_t len, struct genl_ans *ans, uint32_t *off);

/* What a sweep sent and how it went; failures are printed as "# " lines. */
struct sweep_stats {
	int sent;
	int in_range, in_range_refused;	/* accepted by the policy / not */
	int out_of_range, out_of_range_passed;
	int not_taken, not_taken_passed; /* in the do's range, the dump takes it not */
	int no_answer;
};

/*
 * Every case of every attribute of @op's @kind policy, and every attribute
 * number the policy does not have: in-range cases must not be refused by the
 * policy (the handler may refuse them), the others must be, with the extack
 * naming the attribute. A folded dump's attributes that only its do takes
 * (op->dump_refuses) are refused at dump start even in range
 * (dump_start_refused()). Returns the failures.
 */
int sweep_op(int fd, const struct fam *f, const struct fam_op *op, int kind,
	     const char *opname, struct sweep_stats *st);

/* "# WHO: N requests; ..." */
void sweep_print(const char *who, const struct sweep_stats *st);

/*
 * Each attribute of a folded dump that only its do takes, sent to the dump
 * at its first in-range case: refused at dump start (dump_start_refused()).
 * Returns the failures; @checked counts the attributes sent.
 */
int dump_refusals(int fd, const struct fam *f, const struct fam_op *op, const char *opname,
		  int *checked);

/* --- hvnet's modules ----------------------------------------------------- */

#define MOD_MAX		32

/* the modules of /lib/modules/$(uname -r)/extra/hvnet, KUnit ones aside */
int hvnet_modules(char names[][NAME_LEN], int max);
bool module_loaded(const char *name);
/* load every module; returns how many are loaded afterwards */
int hvnet_load_all(void);
/* unload every module (dependents first); returns how many stay loaded */
int hvnet_unload_all(void);

/*
 * The families hvnet's modules register, as CTRL_CMD_GETFAMILY sees them:
 * every module is unloaded, then all are loaded; the families that appeared.
 */
int hvnet_families(int fd, char names[][NAME_LEN], int max);

/* seconds since an arbitrary point, for "took N s" lines */
double seconds_now(void);

/* setpriv --reuid=65534 --regid=65534 --clear-groups: 0 or -errno */
int drop_privileges(void);

#endif /* HVNET_SELFTESTS_GENL_POLICY_H */
