// SPDX-License-Identifier: GPL-2.0
/* Policies of generic netlink families, the specs' view, probes; see genl_policy.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>

#include "genl_policy.h"

const char *const kind_name[KINDS] = { "do", "dump" };

/* --- attribute walking ---------------------------------------------------- */

/* a stream of attributes, each checked to lie within it */
struct nla_it {
	const char *p, *end;
};

static struct nla_it nla_iter(const void *start, int len)
{
	struct nla_it it = { start, (const char *)start + len };

	return it;
}

static const void *nla_val(const struct nlattr *a);
static int nla_vlen(const struct nlattr *a);

/* the attributes inside a nest */
static struct nla_it nla_in(const struct nlattr *nest)
{
	return nla_iter(nla_val(nest), nla_vlen(nest));
}

static const struct nlattr *nla_next(struct nla_it *it)
{
	const struct nlattr *a = (const struct nlattr *)it->p;

	if (it->p + NLA_HDRLEN > it->end || a->nla_len < NLA_HDRLEN ||
	    it->p + a->nla_len > it->end)
		return NULL;
	it->p += NLA_ALIGN(a->nla_len);
	return a;
}

static const void *nla_val(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

static int nla_vlen(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

static uint64_t nla_uint(const struct nlattr *a)
{
	uint64_t v64 = 0;
	uint32_t v32 = 0;
	uint16_t v16 = 0;

	switch (nla_vlen(a)) {
	case 8:
		memcpy(&v64, nla_val(a), 8);
		return v64;
	case 4:
		memcpy(&v32, nla_val(a), 4);
		return v32;
	case 2:
		memcpy(&v16, nla_val(a), 2);
		return v16;
	case 1:
		return *(const uint8_t *)nla_val(a);
	}
	return 0;
}

static int nla_type_of(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

/* --- CTRL_CMD_GETFAMILY and CTRL_CMD_GETPOLICY --------------------------- */

const char *pt_name(uint32_t type)
{
	static const char *const names[] = {
		[NL_ATTR_TYPE_FLAG] = "flag", [NL_ATTR_TYPE_U8] = "u8",
		[NL_ATTR_TYPE_U16] = "u16", [NL_ATTR_TYPE_U32] = "u32",
		[NL_ATTR_TYPE_U64] = "u64", [NL_ATTR_TYPE_S8] = "s8",
		[NL_ATTR_TYPE_S16] = "s16", [NL_ATTR_TYPE_S32] = "s32",
		[NL_ATTR_TYPE_S64] = "s64", [NL_ATTR_TYPE_BINARY] = "binary",
		[NL_ATTR_TYPE_STRING] = "string", [NL_ATTR_TYPE_NUL_STRING] = "nul-string",
		[NL_ATTR_TYPE_NESTED] = "nested", [NL_ATTR_TYPE_NESTED_ARRAY] = "nested-array",
		[NL_ATTR_TYPE_BITFIELD32] = "bitfield32", [PT_SINT] = "sint", [PT_UINT] = "uint",
	};

	if (type < ARRAY_SIZE(names) && names[type])
		return names[type];
	return "invalid";
}

static uint32_t pt_from_name(const char *name)
{
	uint32_t t;

	for (t = 1; t <= PT_UINT; t++)
		if (!strcmp(pt_name(t), name))
			return t;
	return NL_ATTR_TYPE_INVALID;
}

uint64_t pt_umax(uint32_t type)
{
	switch (type) {
	case NL_ATTR_TYPE_U8:
		return UINT8_MAX;
	case NL_ATTR_TYPE_U16:
		return UINT16_MAX;
	case NL_ATTR_TYPE_U32:
		return UINT32_MAX;
	case NL_ATTR_TYPE_U64:
	case PT_UINT:
		return UINT64_MAX;
	}
	return 0;
}

static int pt_size(uint32_t type)
{
	switch (type) {
	case NL_ATTR_TYPE_U8:
	case NL_ATTR_TYPE_S8:
		return 1;
	case NL_ATTR_TYPE_U16:
	case NL_ATTR_TYPE_S16:
		return 2;
	case NL_ATTR_TYPE_U32:
	case NL_ATTR_TYPE_S32:
		return 4;
	case NL_ATTR_TYPE_U64:
	case NL_ATTR_TYPE_S64:
		return 8;
	}
	return 0;
}

static bool pt_signed(uint32_t type)
{
	return type == NL_ATTR_TYPE_S8 || type == NL_ATTR_TYPE_S16 ||
	       type == NL_ATTR_TYPE_S32 || type == NL_ATTR_TYPE_S64 || type == PT_SINT;
}

static bool pt_nested(uint32_t type)
{
	return type == NL_ATTR_TYPE_NESTED || type == NL_ATTR_TYPE_NESTED_ARRAY;
}

static int64_t pt_smin(uint32_t type)
{
	int size = pt_size(type) ? pt_size(type) : 8;

	return size == 8 ? INT64_MIN : -((int64_t)1 << (size * 8 - 1));
}

static int64_t pt_smax(uint32_t type)
{
	int size = pt_size(type) ? pt_size(type) : 8;

	return size == 8 ? INT64_MAX : ((int64_t)1 << (size * 8 - 1)) - 1;
}

const char *op_priv(uint32_t flags)
{
	if (flags & GENL_UNS_ADMIN_PERM)
		return "uns-admin";
	if (flags & GENL_ADMIN_PERM)
		return "admin";
	return "none";
}

void pol_attr_str(const struct pol_attr *a, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s", pt_name(a->type));

	if (a->has_mask)
		n += snprintf(buf + n, len - n, " mask=%llu", (unsigned long long)a->mask);
	if (a->has_urange)
		n += snprintf(buf + n, len - n, " umin=%llu umax=%llu",
			      (unsigned long long)a->umin, (unsigned long long)a->umax);
	if (a->has_srange)
		n += snprintf(buf + n, len - n, " smin=%lld smax=%lld",
			      (long long)a->smin, (long long)a->smax);
	if (a->minlen)
		n += snprintf(buf + n, len - n, " minlen=%u", a->minlen);
	if (a->has_maxlen)
		snprintf(buf + n, len - n, " maxlen=%u", a->maxlen);
}

static void parse_pol_attr(const struct nlattr *nest, struct pol_attr *p)
{
	const struct nlattr *a;

	memset(p, 0, sizeof(*p));
	p->present = true;
	p->nest = -1;
	for (struct nla_it it = nla_in(nest); (a = nla_next(&it));) {
		switch (nla_type_of(a)) {
		case NL_POLICY_TYPE_ATTR_TYPE:
			p->type = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_U:
			p->has_urange = true;
			p->umin = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_U:
			p->has_urange = true;
			p->umax = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_S:
			p->has_srange = true;
			p->smin = (int64_t)nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_S:
			p->has_srange = true;
			p->smax = (int64_t)nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MIN_LENGTH:
			p->minlen = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_MAX_LENGTH:
			p->has_maxlen = true;
			p->maxlen = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_POLICY_IDX:
			p->nest = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE:
			p->nest_max = nla_uint(a);
			break;
		case NL_POLICY_TYPE_ATTR_BITFIELD32_MASK:
		case NL_POLICY_TYPE_ATTR_MASK:
			p->has_mask = true;
			p->mask = nla_uint(a);
			break;
		}
	}
}

struct dump_ctx {
	struct fam *f;
	char *err;
	size_t errlen;
	int bad;
};

static void dump_fail(struct dump_ctx *d, const char *msg, unsigned int a, unsigned int b)
{
	if (!d->bad++)
		snprintf(d->err, d->errlen, msg, a, b);
}

static struct fam_op *fam_op_add(struct fam *f, uint32_t cmd)
{
	int i;

	for (i = 0; i < f->nops; i++)
		if (f->ops[i].cmd == cmd)
			return &f->ops[i];
	if (f->nops == FAM_MAX_OPS)
		return NULL;
	f->ops[f->nops].cmd = cmd;
	f->ops[f->nops].pol[KIND_DO] = -1;
	f->ops[f->nops].pol[KIND_DUMP] = -1;
	return &f->ops[f->nops++];
}

/* CTRL_ATTR_POLICY: { index: { attribute: { NL_POLICY_TYPE_ATTR_* } } } */
static void parse_policies(struct dump_ctx *d, const struct nlattr *a)
{
	const struct nlattr *idx, *attr;
	struct fam *f = d->f;

	for (struct nla_it it = nla_in(a); (idx = nla_next(&it));) {
		unsigned int i = nla_type_of(idx);
		struct policy *p = &f->pol[i];

		if (i >= POL_MAX) {
			dump_fail(d, "policy index %u over %u", i, POL_MAX);
			continue;
		}
		if (i >= (unsigned int)f->npol)
			f->npol = i + 1;
		for (struct nla_it in = nla_in(idx); (attr = nla_next(&in));) {
			unsigned int n = nla_type_of(attr);

			if (n > POL_MAX_ATTR) {
				dump_fail(d, "attribute %u over %u", n, POL_MAX_ATTR);
				continue;
			}
			if (p->a[n].present)
				dump_fail(d, "policy %u: attribute %u twice", i, n);
			parse_pol_attr(attr, &p->a[n]);
			if ((int)n > p->top)
				p->top = n;
		}
	}
}

/* CTRL_ATTR_OP_POLICY: { cmd: { CTRL_ATTR_POLICY_DO, CTRL_ATTR_POLICY_DUMP } } */
static void parse_op_policies(struct dump_ctx *d, const struct nlattr *a)
{
	const struct nlattr *idx, *k;

	for (struct nla_it it = nla_in(a); (idx = nla_next(&it));) {
		struct fam_op *op = fam_op_add(d->f, nla_type_of(idx));
		int kind;

		if (!op) {
			dump_fail(d, "more than %u ops (op %u)", FAM_MAX_OPS, nla_type_of(idx));
			continue;
		}
		for (struct nla_it in = nla_in(idx); (k = nla_next(&in));) {
			if (nla_type_of(k) == CTRL_ATTR_POLICY_DO)
				kind = KIND_DO;
			else if (nla_type_of(k) == CTRL_ATTR_POLICY_DUMP)
				kind = KIND_DUMP;
			else
				continue;
			op->pol[kind] = nla_uint(k);
			if (op->pol[kind] >= POL_MAX)
				dump_fail(d, "policy index %u over %u", op->pol[kind], POL_MAX);
			/* a policy of no attribute has no CTRL_ATTR_POLICY of its own */
			else if (op->pol[kind] >= d->f->npol)
				d->f->npol = op->pol[kind] + 1;
		}
	}
}

static void policy_cb(const struct nlmsghdr *nlh, void *data)
{
	const char *p = (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	int len = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	const struct nlattr *a;

	for (struct nla_it it = nla_iter(p, len); (a = nla_next(&it));) {
		if (nla_type_of(a) == CTRL_ATTR_POLICY)
			parse_policies(data, a);
		if (nla_type_of(a) == CTRL_ATTR_OP_POLICY)
			parse_op_policies(data, a);
	}
}

static int fam_ops(int fd, struct fam *f, char *err, size_t errlen)
{
	static struct genl_req req;
	static struct genl_ans ans;
	const struct nlattr *a, *o, *k;
	int ret;

	genl_req_init(&req, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	genl_put_str(&req, CTRL_ATTR_FAMILY_NAME, f->name);
	ret = genl_exchange(fd, &req, &ans);
	if (!ret)
		ret = ans.error;
	if (ret) {
		snprintf(err, errlen, "CTRL_CMD_GETFAMILY %s: %s", f->name, strerror(-ret));
		return ret;
	}
	a = genl_reply_attr(&ans, CTRL_ATTR_FAMILY_ID);
	if (!a || nla_vlen(a) != 2) {
		snprintf(err, errlen, "CTRL_CMD_GETFAMILY %s: no family id", f->name);
		return -EBADMSG;
	}
	f->id = nla_uint(a);
	a = genl_reply_attr(&ans, CTRL_ATTR_OPS);
	if (!a)
		return 0;
	for (struct nla_it it = nla_in(a); (o = nla_next(&it));) {
		uint32_t cmd = 0, flags = 0;
		struct fam_op *op;

		for (struct nla_it in = nla_in(o); (k = nla_next(&in));) {
			if (nla_type_of(k) == CTRL_ATTR_OP_ID)
				cmd = nla_uint(k);
			if (nla_type_of(k) == CTRL_ATTR_OP_FLAGS)
				flags = nla_uint(k);
		}
		op = fam_op_add(f, cmd);
		if (!op) {
			snprintf(err, errlen, "%s: more than %d ops", f->name, FAM_MAX_OPS);
			return -E2BIG;
		}
		op->flags = flags;
	}
	return 0;
}

int fam_get(int fd, const char *name, int op, struct fam *f, char *err, size_t errlen)
{
	static struct genl_req req;
	struct dump_ctx d = { .f = f, .err = err, .errlen = errlen };
	int ret;

	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", name);
	err[0] = 0;
	ret = fam_ops(fd, f, err, errlen);
	if (ret)
		return ret;
	genl_req_init(&req, GENL_ID_CTRL, CTRL_CMD_GETPOLICY, 0);
	genl_put_str(&req, CTRL_ATTR_FAMILY_NAME, name);
	if (op >= 0)
		genl_put_u32(&req, CTRL_ATTR_OP, op);
	ret = genl_dump(fd, &req, policy_cb, &d);
	/* a family (or op) without any policy */
	if (ret == -ENODATA)
		ret = 0;
	if (ret) {
		snprintf(err, errlen, "CTRL_CMD_GETPOLICY %s op %d: %s", name, op, strerror(-ret));
		return ret;
	}
	return d.bad ? -EBADMSG : 0;
}

const struct fam_op *fam_op(const struct fam *f, uint32_t cmd)
{
	int i;

	for (i = 0; i < f->nops; i++)
		if (f->ops[i].cmd == cmd)
			return &f->ops[i];
	return NULL;
}

const struct policy *fam_op_policy(const struct fam *f, const struct fam_op *op, int kind)
{
	if (!op || op->pol[kind] < 0 || op->pol[kind] >= f->npol)
		return NULL;
	return &f->pol[op->pol[kind]];
}

struct names_ctx {
	char (*names)[NAME_LEN];
	int n, max;
};

static void family_cb(const struct nlmsghdr *nlh, void *data)
{
	const char *p = (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	int len = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	struct names_ctx *c = data;
	const struct nlattr *a;

	for (struct nla_it it = nla_iter(p, len); (a = nla_next(&it));)
		if (nla_type_of(a) == CTRL_ATTR_FAMILY_NAME && c->n < c->max)
			snprintf(c->names[c->n++], NAME_LEN, "%.*s", nla_vlen(a),
				 (const char *)nla_val(a));
}

int genl_families(int fd, char names[][NAME_LEN], int max)
{
	static struct genl_req req;
	struct names_ctx c = { names, 0, max };
	int ret;

	genl_req_init(&req, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	ret = genl_dump(fd, &req, family_cb, &c);
	return ret ? ret : c.n;
}

/* --- split ops ---------------------------------------------------------- */

/* CTRL_ATTR_OP_POLICY of one part: a command whose do and dump policies differ */
static void split_cb(const struct nlmsghdr *nlh, void *data)
{
	const char *p = (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	int len = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	const struct nlattr *a, *cmd, *k;
	int *split = data;

	for (struct nla_it it = nla_iter(p, len); (a = nla_next(&it));) {
		if (nla_type_of(a) != CTRL_ATTR_OP_POLICY)
			continue;
		for (struct nla_it ops = nla_in(a); (cmd = nla_next(&ops));) {
			int64_t idx[KINDS] = { -1, -1 };

			for (struct nla_it in = nla_in(cmd); (k = nla_next(&in));) {
				if (nla_type_of(k) == CTRL_ATTR_POLICY_DO)
					idx[KIND_DO] = nla_uint(k);
				if (nla_type_of(k) == CTRL_ATTR_POLICY_DUMP)
					idx[KIND_DUMP] = nla_uint(k);
			}
			if (idx[KIND_DO] >= 0 && idx[KIND_DUMP] >= 0 &&
			    idx[KIND_DO] != idx[KIND_DUMP])
				*split = 1;
		}
	}
}

int genl_split_ops(int fd)
{
	static char names[256][NAME_LEN];
	static struct genl_req req;
	static int known = -1;
	int n, i, split = 0;

	if (known >= 0)
		return known;
	n = genl_families(fd, names, 256);
	if (n < 0)
		return n;
	for (i = 0; i < n && !split; i++) {
		genl_req_init(&req, GENL_ID_CTRL, CTRL_CMD_GETPOLICY, 0);
		genl_put_str(&req, CTRL_ATTR_FAMILY_NAME, names[i]);
		/* a family without policies answers ENODATA: nothing to see */
		genl_dump(fd, &req, split_cb, &split);
	}
	known = split;
	return split;
}

bool kernel_at_least(int major, int minor)
{
	struct utsname u;
	int a, b;

	if (uname(&u) || sscanf(u.release, "%d.%d", &a, &b) != 2)
		return false;
	return a > major || (a == major && b >= minor);
}

int fam_fold(struct fam *f, const struct spec_fam *s, int split)
{
	int o, t, n = 0;

	for (o = 0; o < f->nops; o++) {
		struct fam_op *op = &f->ops[o];
		const struct spec_op *so = s ? spec_op(s, op->cmd, KIND_DUMP) : NULL;
		const struct policy *p = fam_op_policy(f, op, KIND_DUMP);

		op->dump_refuses = 0;
		if (split || !so || !p || op->pol[KIND_DUMP] != op->pol[KIND_DO])
			continue;
		for (t = 1; t <= p->top; t++)
			if (p->a[t].present && !spec_op_takes(so, t))
				op->dump_refuses |= 1ULL << t;
		n += !!op->dump_refuses;
	}
	return n;
}

/* --- the expectations file ---------------------------------------------- */

static int parse_attr_line(char *line, struct spec_attr *sa)
{
	char *save, *tok, *type;
	struct pol_attr *p = &sa->pol;

	memset(sa, 0, sizeof(*sa));
	strtok_r(line, " ", &save);			/* "attr" */
	tok = strtok_r(NULL, " ", &save);
	if (!tok)
		return -1;
	sa->num = atoi(tok);
	tok = strtok_r(NULL, " ", &save);
	type = strtok_r(NULL, " ", &save);
	if (!tok || !type)
		return -1;
	snprintf(sa->name, sizeof(sa->name), "%s", tok);
	p->present = true;
	p->nest = -1;
	p->type = pt_from_name(type);
	if (p->type == NL_ATTR_TYPE_INVALID)
		return -1;
	while ((tok = strtok_r(NULL, " ", &save))) {
		char *v = strchr(tok, '=');

		if (!v)
			return -1;
		*v++ = 0;
		if (!strcmp(tok, "umin")) {
			p->has_urange = true;
			p->umin = strtoull(v, NULL, 10);
		} else if (!strcmp(tok, "umax")) {
			p->has_urange = true;
			p->umax = strtoull(v, NULL, 10);
		} else if (!strcmp(tok, "smin")) {
			p->has_srange = true;
			p->smin = strtoll(v, NULL, 10);
		} else if (!strcmp(tok, "smax")) {
			p->has_srange = true;
			p->smax = strtoll(v, NULL, 10);
		} else if (!strcmp(tok, "mask")) {
			p->has_mask = true;
			p->mask = strtoull(v, NULL, 10);
		} else if (!strcmp(tok, "minlen")) {
			p->minlen = strtoul(v, NULL, 10);
		} else if (!strcmp(tok, "maxlen")) {
			p->has_maxlen = true;
			p->maxlen = strtoul(v, NULL, 10);
		} else if (!strcmp(tok, "nest")) {
			snprintf(sa->nest, sizeof(sa->nest), "%s", v);
		} else {
			return -1;
		}
	}
	return 0;
}

static int kind_of(const char *s)
{
	return !strcmp(s, "dump") ? KIND_DUMP : !strcmp(s, "do") ? KIND_DO : -1;
}

int spec_load(const char *path, struct spec_fam *fams, int max)
{
	struct spec_set *set = NULL;
	struct spec_fam *s = NULL;
	struct spec_op *op = NULL;
	char line[512], w[4][NAME_LEN];
	int n = 0, lineno = 0;
	FILE *fp;

	fp = fopen(path, "r");
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = 0;
		lineno++;
		if (!line[0] || line[0] == '#')
			continue;
		memset(w, 0, sizeof(w));
		if (sscanf(line, "%63s %63s %63s %63s", w[0], w[1], w[2], w[3]) < 2)
			goto bad;
		if (!strcmp(w[0], "family")) {
			if (n == max)
				goto bad;
			s = &fams[n++];
			memset(s, 0, sizeof(*s));
			snprintf(s->name, sizeof(s->name), "%s", w[1]);
			op = NULL;
			set = NULL;
		} else if (!s) {
			goto bad;
		} else if (!strcmp(w[0], "op")) {
			char priv[16], aset[NAME_LEN + 8];

			if (s->nops == FAM_MAX_OPS)
				goto bad;
			op = &s->ops[s->nops++];
			memset(op, 0, sizeof(*op));
			set = NULL;
			if (sscanf(line, "op %63s %u %*s %15s %71s", op->name, &op->cmd,
				   priv, aset) != 4 || strncmp(aset, "set=", 4))
				goto bad;
			op->kind = kind_of(w[3]);
			snprintf(op->priv, sizeof(op->priv), "%s", priv);
			snprintf(op->set, sizeof(op->set), "%.63s", aset + 4);
			if (op->kind < 0)
				goto bad;
		} else if (!strcmp(w[0], "attr")) {
			struct spec_attr *sa;

			if (set && set->nattrs < SPEC_MAX_ATTRS)
				sa = &set->attrs[set->nattrs++];
			else if (!set && op && op->nattrs < SPEC_MAX_ATTRS)
				sa = &op->attrs[op->nattrs++];
			else
				goto bad;
			if (parse_attr_line(line, sa))
				goto bad;
		} else if (!strcmp(w[0], "volatile")) {
			if (!op || op->nvolatile == SPEC_MAX_ATTRS)
				goto bad;
			op->volatile_attrs[op->nvolatile++] = atoi(w[1]);
		} else if (!strcmp(w[0], "nest")) {
			if (s->nnests == 8)
				goto bad;
			set = &s->nests[s->nnests++];
			memset(set, 0, sizeof(*set));
			snprintf(set->name, sizeof(set->name), "%s", w[1]);
		} else if (!strcmp(w[0], "name")) {
			if (s->nnames == 256)
				goto bad;
			snprintf(s->names[s->nnames].set, NAME_LEN, "%s", w[1]);
			s->names[s->nnames].num = atoi(w[2]);
			snprintf(s->names[s->nnames].name, NAME_LEN, "%s", w[3]);
			s->nnames++;
		} else if (!strcmp(w[0], "doc")) {
			struct spec_doc *d;

			if (s->ndocs == FAM_MAX_OPS)
				goto bad;
			d = &s->docs[s->ndocs++];
			snprintf(d->op, sizeof(d->op), "%s", w[1]);
			d->kind = kind_of(w[2]);
			snprintf(d->priv, sizeof(d->priv), "%s", w[3]);
			if (d->kind < 0)
				goto bad;
		} else {
			goto bad;
		}
	}
	fclose(fp);
	return n;
bad:
	fprintf(stderr, "%s:%d: cannot read \"%s\"\n", path, lineno, line);
	fclose(fp);
	return -1;
}

const struct spec_op *spec_op(const struct spec_fam *s, uint32_t cmd, int kind)
{
	int i;

	for (i = 0; i < s->nops; i++)
		if (s->ops[i].cmd == cmd && s->ops[i].kind == kind)
			return &s->ops[i];
	return NULL;
}

const struct spec_op *spec_op_named(const struct spec_fam *s, const char *name, int kind)
{
	int i;

	for (i = 0; i < s->nops; i++)
		if (!strcmp(s->ops[i].name, name) && s->ops[i].kind == kind)
			return &s->ops[i];
	return NULL;
}

bool spec_op_takes(const struct spec_op *op, uint16_t num)
{
	int i;

	for (i = 0; i < op->nattrs; i++)
		if (op->attrs[i].num == num)
			return true;
	return false;
}

const char *spec_attr_name(const struct spec_fam *s, const char *set, uint16_t num)
{
	static char buf[4][NAME_LEN];
	static int next;
	int i;

	for (i = 0; i < s->nnames; i++)
		if (s->names[i].num == num && !strcmp(s->names[i].set, set))
			return s->names[i].name;
	next = (next + 1) % 4;
	snprintf(buf[next], NAME_LEN, "attr-%u", num);
	return buf[next];
}

const char *op_label(const struct spec_fam *specs, int n, const char *fam, uint32_t cmd)
{
	static char buf[4][NAME_LEN];
	static int next;
	int i, k;

	for (i = 0; i < n; i++) {
		if (strcmp(specs[i].name, fam))
			continue;
		for (k = 0; k < KINDS; k++)
			if (spec_op(&specs[i], cmd, k))
				return spec_op(&specs[i], cmd, k)->name;
	}
	next = (next + 1) % 4;
	snprintf(buf[next], NAME_LEN, "op %u", cmd);
	return buf[next];
}

const struct spec_set *spec_nest(const struct spec_fam *s, const char *name)
{
	int i;

	for (i = 0; i < s->nnests; i++)
		if (!strcmp(s->nests[i].name, name))
			return &s->nests[i];
	return NULL;
}

/* --- cases ------------------------------------------------------------------ */

static void emit(void (*cb)(const struct pcase *c, void *ctx), void *ctx, struct pcase *c,
		 const char *what, bool ok, uint16_t flags, uint16_t len)
{
	c->what = what;
	c->ok = ok;
	c->flags = flags;
	c->len = len;
	cb(c, ctx);
}

static void emit_int(void (*cb)(const struct pcase *c, void *ctx), void *ctx, struct pcase *c,
		     const char *what, bool ok, uint64_t v, int size)
{
	memset(c->data, 0, 16);
	memcpy(c->data, &v, size);	/* little endian: the low bytes */
	emit(cb, ctx, c, what, ok, 0, size);
}

static void cases_int(const struct pol_attr *a, void (*cb)(const struct pcase *c, void *ctx),
		      void *ctx, struct pcase *c)
{
	int size = pt_size(a->type);
	uint64_t tmax = size == 8 ? UINT64_MAX : ((uint64_t)1 << (size * 8)) - 1;

	if (a->has_mask) {
		uint64_t outside = ~a->mask & tmax;

		emit_int(cb, ctx, c, "0", true, 0, size);
		emit_int(cb, ctx, c, "the mask", true, a->mask, size);
		if (outside)
			emit_int(cb, ctx, c, "a bit outside the mask", false,
				 outside & -outside, size);
	} else if (pt_signed(a->type)) {
		emit_int(cb, ctx, c, "min", true, (uint64_t)a->smin, size);
		emit_int(cb, ctx, c, "max", true, (uint64_t)a->smax, size);
		if (a->smin > pt_smin(a->type))
			emit_int(cb, ctx, c, "min-1", false, (uint64_t)(a->smin - 1), size);
		if (a->smax < pt_smax(a->type))
			emit_int(cb, ctx, c, "max+1", false, (uint64_t)(a->smax + 1), size);
	} else {
		uint64_t max = a->umax > tmax ? tmax : a->umax;

		emit_int(cb, ctx, c, "min", true, a->umin, size);
		emit_int(cb, ctx, c, "max", true, max, size);
		if (a->umin > 0)
			emit_int(cb, ctx, c, "min-1", false, a->umin - 1, size);
		if (max < tmax)
			emit_int(cb, ctx, c, "max+1", false, max + 1, size);
	}
	/* every in-range value above had the exact length */
	emit_int(cb, ctx, c, "length 0", false, 0, 0);
	memset(c->data, 0, 16);
	memcpy(c->data, a->has_urange ? &a->umin : (const void *)&a->smin, size);
	emit(cb, ctx, c, "length one past the type's", false, 0, size + 1);
	emit(cb, ctx, c, "with NLA_F_NESTED", false, NLA_F_NESTED, size);
}

static void cases_var(const struct pol_attr *a, void (*cb)(const struct pcase *c, void *ctx),
		      void *ctx, struct pcase *c)
{
	uint32_t max = a->has_maxlen ? a->maxlen : 4000;
	bool nul = a->type == NL_ATTR_TYPE_NUL_STRING;
	bool str = nul || a->type == NL_ATTR_TYPE_STRING;

	if (max > sizeof(c->data) - 2)
		max = sizeof(c->data) - 2;
	if (str) {
		/* the length bounds count characters, the NUL aside */
		memset(c->data, 'a', max + 1);
		c->data[0] = nul ? 0 : 'a';
		emit(cb, ctx, c, nul ? "empty string" : "one character", true, 0, 1);
		memset(c->data, 'a', max + 1);
		c->data[max] = 0;
		emit(cb, ctx, c, "longest", true, 0, nul ? max + 1 : max);
		if (a->has_maxlen) {
			c->data[max] = 'a';
			c->data[max + 1] = 0;
			emit(cb, ctx, c, "one past the longest", false, 0, nul ? max + 2 : max + 1);
		}
		if (nul) {
			memset(c->data, 'a', max + 1);
			emit(cb, ctx, c, "no terminating NUL", false, 0, max);
		}
		emit(cb, ctx, c, "length 0", false, 0, 0);
	} else {
		memset(c->data, 0, max + 1);
		emit(cb, ctx, c, "length 0", a->minlen == 0, 0, 0);
		if (a->minlen)
			emit(cb, ctx, c, "shortest", true, 0, a->minlen);
		if (a->minlen > 1)
			emit(cb, ctx, c, "one short of the shortest", false, 0, a->minlen - 1);
		emit(cb, ctx, c, "longest", true, 0, max);
		if (a->has_maxlen)
			emit(cb, ctx, c, "one past the longest", false, 0, max + 1);
	}
	memset(c->data, 0, max + 1);
	c->data[0] = nul ? 0 : 'a';
	emit(cb, ctx, c, "with NLA_F_NESTED", false, NLA_F_NESTED, str ? 1 : a->minlen);
}

struct nest_ctx {
	void (*cb)(const struct pcase *c, void *ctx);
	void *ctx;
	uint16_t type;
	struct pcase *outer;
};

/* wrap an inner attribute's case in the nest */
static void nest_cb(const struct pcase *in, void *data)
{
	struct nest_ctx *n = data;
	struct pcase *c = n->outer;
	struct nlattr *a = (struct nlattr *)c->data;

	if (NLA_HDRLEN + NLA_ALIGN(in->len) > (int)sizeof(c->data))
		return;
	a->nla_type = n->type | in->flags;
	a->nla_len = NLA_HDRLEN + in->len;
	memcpy(c->data + NLA_HDRLEN, in->data, in->len);
	memset(c->data + NLA_HDRLEN + in->len, 0, NLA_ALIGN(in->len) - in->len);
	c->what = in->what;
	c->ok = in->ok;
	c->flags = NLA_F_NESTED;
	c->len = NLA_HDRLEN + NLA_ALIGN(in->len);
	n->cb(c, n->ctx);
}

static void cases_nest(const struct fam *f, const struct pol_attr *a,
		       void (*cb)(const struct pcase *c, void *ctx), void *ctx,
		       struct pcase *c, int depth)
{
	const struct policy *p = a->nest >= 0 && a->nest < f->npol ? &f->pol[a->nest] : NULL;
	struct nlattr *in = (struct nlattr *)c->data;
	struct pcase *inner;
	int t;

	emit(cb, ctx, c, "empty nest", true, NLA_F_NESTED, 0);
	emit(cb, ctx, c, "shorter than an attribute header", false, NLA_F_NESTED, 2);
	if (a->type == NL_ATTR_TYPE_NESTED)
		emit(cb, ctx, c, "without NLA_F_NESTED", false, 0, 0);
	if (!p || !a->nest_max || depth > 2)
		return;
	in->nla_type = a->nest_max + 1;
	in->nla_len = NLA_HDRLEN;
	emit(cb, ctx, c, "an unknown attribute inside", false, NLA_F_NESTED, NLA_HDRLEN);
	inner = malloc(sizeof(*inner));
	if (!inner)
		return;
	for (t = 1; t <= p->top; t++) {
		struct nest_ctx n = { cb, ctx, t, c };

		if (!p->a[t].present)
			continue;
		if (pt_nested(p->a[t].type))
			cases_nest(f, &p->a[t], nest_cb, &n, inner, depth + 1);
		else
			pol_cases(f, &p->a[t], nest_cb, &n);
	}
	free(inner);
}

void pol_cases(const struct fam *f, const struct pol_attr *a,
	       void (*cb)(const struct pcase *c, void *ctx), void *ctx)
{
	struct pcase *c = malloc(sizeof(*c));

	if (!c)
		return;
	switch (a->type) {
	case NL_ATTR_TYPE_U8:
	case NL_ATTR_TYPE_U16:
	case NL_ATTR_TYPE_U32:
	case NL_ATTR_TYPE_U64:
	case NL_ATTR_TYPE_S8:
	case NL_ATTR_TYPE_S16:
	case NL_ATTR_TYPE_S32:
	case NL_ATTR_TYPE_S64:
		cases_int(a, cb, ctx, c);
		break;
	case PT_UINT:
	case PT_SINT:
		emit_int(cb, ctx, c, "min, 4 bytes", a->umin <= UINT32_MAX, a->umin, 4);
		emit_int(cb, ctx, c, "max, 8 bytes", true, a->umax, 8);
		emit_int(cb, ctx, c, "length 0", false, 0, 0);
		emit_int(cb, ctx, c, "length 5", false, 0, 5);
		break;
	case NL_ATTR_TYPE_FLAG:
		memset(c->data, 0, 4);
		emit(cb, ctx, c, "present", true, 0, 0);
		emit(cb, ctx, c, "with a byte of payload", false, 0, 1);
		emit(cb, ctx, c, "with NLA_F_NESTED", false, NLA_F_NESTED, 0);
		break;
	case NL_ATTR_TYPE_STRING:
	case NL_ATTR_TYPE_NUL_STRING:
	case NL_ATTR_TYPE_BINARY:
		cases_var(a, cb, ctx, c);
		break;
	case NL_ATTR_TYPE_BITFIELD32: {
		uint32_t bf[2] = { 0, 0 };

		memcpy(c->data, bf, 8);
		emit(cb, ctx, c, "nothing selected", true, 0, 8);
		bf[0] = a->mask;
		bf[1] = a->mask;
		memcpy(c->data, bf, 8);
		emit(cb, ctx, c, "every valid bit", true, 0, 8);
		if (~(uint32_t)a->mask) {
			bf[1] = ~(uint32_t)a->mask & -~(uint32_t)a->mask;
			bf[0] = 0;
			memcpy(c->data, bf, 8);
			emit(cb, ctx, c, "a selector bit outside the mask", false, 0, 8);
		}
		emit(cb, ctx, c, "length 0", false, 0, 0);
		break;
	}
	case NL_ATTR_TYPE_NESTED:
	case NL_ATTR_TYPE_NESTED_ARRAY:
		cases_nest(f, a, cb, ctx, c, 0);
		break;
	}
	free(c);
}

/* what lib/nlattr.c says when a policy refuses an attribute */
static const char *const validator_msgs[] = {
	"Unknown attribute type", "Unsupported attribute",
	"Attribute failed policy validation", "invalid attribute length",
	"integer out of range", "binary attribute size out of range",
	"reserved bit set", "NLA_F_NESTED is missing", "NLA_F_NESTED not expected",
	"Array element too short", "allowed policy recursion depth exceeded",
	"bytes leftover after parsing attributes",
};

bool policy_refused(const struct genl_ans *ans)
{
	unsigned int i;

	if (!ans->error)
		return false;
	if (ans->has_policy)
		return true;
	for (i = 0; i < ARRAY_SIZE(validator_msgs); i++)
		if (!strcmp(ans->ext_msg, validator_msgs[i]))
			return true;
	return false;
}

bool policy_refused_at(const struct genl_ans *ans, uint32_t off, uint32_t len)
{
	return policy_refused(ans) && ans->has_bad_attr &&
	       ans->bad_attr_off >= off && ans->bad_attr_off < off + (len ? len : NLA_HDRLEN);
}

bool dump_start_refused(const struct genl_ans *ans)
{
	return ans->error == -EINVAL && policy_refused(ans);
}

int send_one(int fd, const struct fam *f, uint32_t cmd, int kind, uint16_t type,
	     const void *data, uint16_t len, struct genl_ans *ans, uint32_t *off)
{
	static struct genl_req req;

	genl_req_init(&req, f->id, cmd, kind == KIND_DUMP ? NLM_F_DUMP : 0);
	*off = NLMSG_ALIGN(req.nlh.nlmsg_len);
	genl_put_attr(&req, type, data, len);
	return genl_call(fd, &req, ans);
}

/* --- sweeps ----------------------------------------------------------------- */

struct sweep {
	int fd;
	const struct fam *f;
	const struct fam_op *op;
	int kind;
	uint16_t type;
	const char *opname;
	struct sweep_stats *st;
	int failures;
};

static void sweep_fail(struct sweep *s, const struct pcase *c, const struct genl_ans *ans,
		       const char *why)
{
	if (s->failures++ < 40)
		printf("# %s %s %s attribute %u, %s: %s (errno %d, extack \"%s\"%s)\n",
		       s->f->name, s->opname, kind_name[s->kind], s->type, c->what, why,
		       ans->error, ans->ext_msg, ans->has_bad_attr ? ", offset given" : "");
}

static void sweep_cb(const struct pcase *c, void *data)
{
	static struct genl_ans ans;
	struct sweep *s = data;
	uint32_t off;

	s->st->sent++;
	if (send_one(s->fd, s->f, s->op->cmd, s->kind, s->type | c->flags, c->data, c->len,
		     &ans, &off)) {
		s->st->no_answer++;
		sweep_fail(s, c, &ans, "no answer");
		return;
	}
	if (c->ok && s->kind == KIND_DUMP && s->type <= POL_MAX_ATTR &&
	    (s->op->dump_refuses >> s->type & 1)) {
		/* in the do's range, but the dump does not take it (6.1) */
		s->st->not_taken++;
		if (!dump_start_refused(&ans)) {
			s->st->not_taken_passed++;
			sweep_fail(s, c, &ans, "only the do takes it, not refused at dump start");
		}
	} else if (c->ok) {
		s->st->in_range++;
		if (policy_refused(&ans)) {
			s->st->in_range_refused++;
			sweep_fail(s, c, &ans, "in range, refused by the policy");
		}
	} else {
		s->st->out_of_range++;
		if (!policy_refused_at(&ans, off, NLA_HDRLEN + c->len)) {
			s->st->out_of_range_passed++;
			sweep_fail(s, c, &ans, "out of range, not refused by the policy at it");
		}
	}
}

int sweep_op(int fd, const struct fam *f, const struct fam_op *op, int kind,
	     const char *opname, struct sweep_stats *st)
{
	const struct policy *p = fam_op_policy(f, op, kind);
	struct sweep s = { fd, f, op, kind, 0, opname, st, 0 };
	struct pcase *c;
	int t;

	if (!p)
		return 0;
	for (t = 1; t <= p->top; t++) {
		if (!p->a[t].present)
			continue;
		s.type = t;
		pol_cases(f, &p->a[t], sweep_cb, &s);
	}
	c = calloc(1, sizeof(*c));
	if (!c)
		return s.failures + 1;
	/* what the policy does not have: 0, the gaps, past the end, the last type */
	c->len = 4;
	c->what = "an attribute the policy does not have";
	for (t = 0; t <= p->top + 2; t++) {
		if (t <= POL_MAX_ATTR && p->a[t].present)
			continue;
		s.type = t;
		sweep_cb(c, &s);
	}
	s.type = (uint16_t)NLA_TYPE_MASK;
	sweep_cb(c, &s);
	free(c);
	return s.failures;
}

void sweep_print(const char *who, const struct sweep_stats *st)
{
	printf("# %s: %d requests; %d in range, %d of them refused by the policy; ",
	       who, st->sent, st->in_range, st->in_range_refused);
	printf("%d out of range, %d of them let through; ",
	       st->out_of_range, st->out_of_range_passed);
	if (st->not_taken)
		printf("%d in range of the do's policy, not the dump's, %d of them let through; ",
		       st->not_taken, st->not_taken_passed);
	printf("%d unanswered\n", st->no_answer);
}

/* the first in-range case of an attribute */
struct first_ok {
	struct pcase *c;
	bool found;
};

static void first_ok_cb(const struct pcase *c, void *data)
{
	struct first_ok *fo = data;

	if (fo->found || !c->ok)
		return;
	memcpy(fo->c, c, sizeof(*c));
	fo->found = true;
}

int dump_refusals(int fd, const struct fam *f, const struct fam_op *op, const char *opname,
		  int *checked)
{
	const struct policy *p = fam_op_policy(f, op, KIND_DUMP);
	static struct genl_ans ans;
	struct first_ok fo = { 0 };
	int t, bad = 0;
	uint32_t off;

	fo.c = malloc(sizeof(*fo.c));
	if (!fo.c)
		return 1;
	for (t = 1; p && t <= p->top; t++) {
		if (!(op->dump_refuses >> t & 1))
			continue;
		fo.found = false;
		pol_cases(f, &p->a[t], first_ok_cb, &fo);
		if (!fo.found) {
			printf("# %s %s dump attribute %d: no in-range case to send\n", f->name,
			       opname, t);
			bad++;
			continue;
		}
		(*checked)++;
		if (send_one(fd, f, op->cmd, KIND_DUMP, t | fo.c->flags, fo.c->data, fo.c->len,
			     &ans, &off) || !dump_start_refused(&ans)) {
			printf("# %s %s dump attribute %d, %s: only the do takes it, ", f->name,
			       opname, t, fo.c->what);
			printf("not refused at dump start (errno %d, extack \"%s\")\n", ans.error,
			       ans.ext_msg);
			bad++;
		}
	}
	free(fo.c);
	return bad;
}

/* --- modules ---------------------------------------------------------------- */

int hvnet_modules(char names[][NAME_LEN], int max)
{
	char dir[300];
	struct utsname u;
	struct dirent *e;
	int n = 0;
	DIR *d;

	uname(&u);
	snprintf(dir, sizeof(dir), "/lib/modules/%s/extra/hvnet", u.release);
	d = opendir(dir);
	if (!d)
		return 0;
	while ((e = readdir(d)) && n < max) {
		size_t l = strlen(e->d_name);

		if (l < 4 || strcmp(e->d_name + l - 3, ".ko") ||
		    (l > 9 && !strcmp(e->d_name + l - 9, "_kunit.ko")) || l - 3 >= NAME_LEN)
			continue;
		snprintf(names[n], NAME_LEN, "%.*s", (int)(l - 3), e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

bool module_loaded(const char *name)
{
	char path[128];
	struct stat st;

	snprintf(path, sizeof(path), "/sys/module/%.63s", name);
	return !stat(path, &st);
}

int hvnet_load_all(void)
{
	char names[MOD_MAX][NAME_LEN], cmd[MOD_MAX * (NAME_LEN + 1) + 32];
	int n = hvnet_modules(names, MOD_MAX), i, len, loaded = 0, missing = 0;

	len = snprintf(cmd, sizeof(cmd), "modprobe -a");
	for (i = 0; i < n; i++) {
		if (module_loaded(names[i]))
			continue;
		len += snprintf(cmd + len, sizeof(cmd) - len, " %s", names[i]);
		missing++;
	}
	if (missing && system(cmd))
		fprintf(stderr, "# %s failed\n", cmd);
	for (i = 0; i < n; i++)
		loaded += module_loaded(names[i]);
	return loaded;
}

int hvnet_unload_all(void)
{
	char names[MOD_MAX][NAME_LEN];
	int n = hvnet_modules(names, MOD_MAX), i, left = 0, round;

	/* dependents first: whatever is still in use waits for the next round */
	for (round = 0; round <= n; round++) {
		left = 0;
		for (i = 0; i < n; i++) {
			if (!module_loaded(names[i]))
				continue;
			if (syscall(SYS_delete_module, names[i], O_NONBLOCK))
				left++;
		}
		if (!left)
			break;
	}
	return left;
}

int hvnet_families(int fd, char names[][NAME_LEN], int max)
{
	static char before[256][NAME_LEN], after[256][NAME_LEN];
	int nb, na, i, j, n = 0;

	hvnet_unload_all();
	nb = genl_families(fd, before, 256);
	hvnet_load_all();
	na = genl_families(fd, after, 256);
	if (nb < 0 || na < 0)
		return nb < 0 ? nb : na;
	for (i = 0; i < na && n < max; i++) {
		for (j = 0; j < nb; j++)
			if (!strcmp(after[i], before[j]))
				break;
		if (j == nb)
			snprintf(names[n++], NAME_LEN, "%.63s", after[i]);
	}
	return n;
}

double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int drop_privileges(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct caps[2] = { { 0 } };

	if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
	    setresuid(65534, 65534, 65534))
		return -errno;
	if (syscall(SYS_capget, &hdr, caps))
		return -errno;
	if (caps[0].effective || caps[1].effective || caps[0].permitted || caps[1].permitted ||
	    geteuid() != 65534 || getegid() != 65534 || getgroups(0, NULL))
		return -EPERM;
	return 0;
}
