// SPDX-License-Identifier: GPL-2.0
/*
 * A seeded, time-bounded storm of generic netlink requests against every
 * hvnet family, interleaving valid creates and deletes of switches, ports,
 * NICs, FDB entries, extensions and ACL properties with random requests:
 * random commands (mostly the family's own), flags (NLM_F_DUMP, NLM_F_ECHO,
 * the NEW flags), attributes biased to the policies the kernel dumps (each
 * bound and one past it, as genl_policy_test probes them), random types,
 * lengths, payloads and nests, torn attributes and short headers; some sent
 * by an unprivileged sender (euid nobody, no capabilities), some by root
 * from a child partition (a socket of a network namespace of its own).
 *
 * Neither gets through what it may not: nobody's request of an op that
 * needs CAP_NET_ADMIN (the spec's admin-perm, per do and dump) answers
 * EPERM (EINVAL only when its nlmsg_flags hold bits genetlink refuses
 * first, before the privilege), and nothing from the child partition but
 * info-get answers 0 (its reads and changes are refused, EPERM, or fail
 * validation first).
 * Afterwards every switch is deleted, a valid create/dump/delete must work
 * and every module must unload; guest-run fails the test on any kernel
 * report. The answers are printed by errno.
 *
 *   FUZZ_SEED=N      the seed (default 14, fixed, so make check repeats itself)
 *   FUZZ_SECONDS=N   how long (default 20)
 *   FUZZ_COUNT=N     stop after N requests instead (to replay a seed exactly)
 *
 * Output is TAP: a failure prints the seed to repeat it with.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/hvnet_ext_acl.h>
#include <linux/hvnet_vswitch.h>

#include "genl_policy.h"

#define MAX_FAMS	16
#define NSW		3	/* switches fz0..fz2 */
#define NPORT		4	/* ports p0..p3 of each */
#define NVETH		4	/* veth pairs fzvA0/fzvB0 ... */
#define MAX_ERRNO	140

static struct fam fams[MAX_FAMS];
static int nfams;
static struct spec_fam specs[MAX_FAMS];
static int nspecs;
static int vsw = -1;		/* the vswitch family in fams[] */
static uint32_t veth_ifindex[NVETH];

/* --- a seeded generator (splitmix64): the same seed, the same storm --- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

static bool chance(unsigned int percent)
{
	return below(100) < percent;
}

/* --- the policies' cases, kept per family, op, kind and attribute --- */

struct kept_case {
	uint16_t type, flags, len;
	unsigned char *data;
};

struct case_list {
	int n, cap;
	struct kept_case *c;
};

/* [family][op index][kind] */
static struct case_list cases[MAX_FAMS][FAM_MAX_OPS][KINDS];

struct keep_ctx {
	struct case_list *l;
	uint16_t type;
};

static void keep_cb(const struct pcase *c, void *data)
{
	struct keep_ctx *k = data;
	struct case_list *l = k->l;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->c = realloc(l->c, l->cap * sizeof(*l->c));
		if (!l->c)
			exit(1);
	}
	l->c[l->n].type = k->type;
	l->c[l->n].flags = c->flags;
	l->c[l->n].len = c->len;
	l->c[l->n].data = malloc(c->len ? c->len : 1);
	if (!l->c[l->n].data)
		exit(1);
	memcpy(l->c[l->n].data, c->data, c->len);
	l->n++;
}

static void keep_cases(void)
{
	int i, o, k, t;

	for (i = 0; i < nfams; i++) {
		for (o = 0; o < fams[i].nops; o++) {
			for (k = 0; k < KINDS; k++) {
				const struct fam_op *op = &fams[i].ops[o];
				const struct policy *p = fam_op_policy(&fams[i], op, k);
				struct keep_ctx kc = { &cases[i][o][k], 0 };

				for (t = 1; p && t <= p->top; t++) {
					if (!p->a[t].present)
						continue;
					kc.type = t;
					pol_cases(&fams[i], &p->a[t], keep_cb, &kc);
				}
			}
		}
	}
}

/* --- the tally ------------------------------------------------------------- */

enum { SENDER_VALID, SENDER_RANDOM, SENDER_NOBODY, SENDER_CHILD, SENDERS };

static const char *const sender_name[SENDERS] = { "valid", "random", "nobody", "child" };
static unsigned long tally[SENDERS][MAX_ERRNO + 2];	/* last: no answer */
static unsigned long sent, dumps, replies;

static void count(int sender, int ret, const struct genl_ans *ans)
{
	int e = ret ? MAX_ERRNO + 1 : -ans->error;

	if (e < 0 || e > MAX_ERRNO)
		e = MAX_ERRNO + 1;
	tally[sender][e]++;
	replies += ans->nreplies;
	sent++;
}

static void print_tally(void)
{
	unsigned long total[SENDERS] = { 0 };
	int e, s;

	printf("# %-14s %10s %10s %10s %10s\n", "answer", sender_name[0], sender_name[1],
	       sender_name[2], sender_name[3]);
	for (e = 0; e <= MAX_ERRNO + 1; e++) {
		const char *name = e == 0 ? "0 (success)" : e > MAX_ERRNO ? "no answer" :
				   strerrorname_np(e);

		if (!tally[0][e] && !tally[1][e] && !tally[2][e] && !tally[3][e])
			continue;
		printf("# %-14s %10lu %10lu %10lu %10lu\n", name ? name : "?", tally[0][e],
		       tally[1][e], tally[2][e], tally[3][e]);
		for (s = 0; s < SENDERS; s++)
			total[s] += tally[s][e];
	}
	printf("# %-14s %10lu %10lu %10lu %10lu\n", "total", total[0], total[1], total[2],
	       total[3]);
	printf("# %lu requests, %lu of them dumps, %lu reply messages\n", sent, dumps, replies);
}

/* --- valid requests ---------------------------------------------------------- */

static struct genl_req req;
static struct genl_ans ans;
static int fd, nobody_fd = -1, child_fd = -1;

static void vreq(uint8_t cmd, int sw)
{
	char name[8];

	genl_req_init(&req, fams[vsw].id, cmd, 0);
	if (sw >= 0) {
		snprintf(name, sizeof(name), "fz%d", sw);
		genl_put_str(&req, cmd == VSWITCH_CMD_SWITCH_NEW || cmd == VSWITCH_CMD_SWITCH_DEL ?
			     VSWITCH_A_SWITCH_NAME : VSWITCH_A_PORT_SWITCH_NAME, name);
	}
}

static void put_port(uint16_t type, int port)
{
	char name[8];

	snprintf(name, sizeof(name), "p%d", port);
	genl_put_str(&req, type, name);
}

static void put_acl_rule(void)
{
	struct hvnet_acl_rule r = {
		.direction = 1 + below(3), .type = HVNET_ACL_TYPE_IPV4, .side = 1 + below(2),
		.action = 1 + below(3), .prefix_len = 24 + below(9),
		.addr = { 10, 9, below(4), 0 },
	};

	if (r.prefix_len > 24)
		r.addr[3] = below(256) & (0xff << (32 - r.prefix_len));
	genl_put_u32(&req, VSWITCH_A_PROP_ID, HVNET_ACL_PROP_ID);
	genl_put_u32(&req, VSWITCH_A_PROP_INSTANCE, 1 + below(4));
	genl_put_u32(&req, VSWITCH_A_PROP_VERSION, HVNET_ACL_VERSION);
	genl_put_attr(&req, VSWITCH_A_PROP_DATA, &r, sizeof(r));
}

static void valid_request(void)
{
	static const char *const exts[] = { "acl", "noop", "sfwd", "bpf", "capture" };
	int sw = below(NSW), port = below(NPORT), ret;
	uint8_t mac[6] = { 2, 0, 0, 0, sw, below(8) };

	switch (below(16)) {
	case 0:
		vreq(VSWITCH_CMD_SWITCH_NEW, sw);
		genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
		break;
	case 1:
		vreq(below(4) ? VSWITCH_CMD_SWITCH_GET : VSWITCH_CMD_SWITCH_DEL, sw);
		break;
	case 2:
	case 3:
		vreq(VSWITCH_CMD_PORT_NEW, sw);
		put_port(VSWITCH_A_PORT_NAME, port);
		if (chance(30))
			genl_put_u32(&req, VSWITCH_A_PORT_NIC_IFINDEX, veth_ifindex[below(NVETH)]);
		if (chance(30))
			genl_put_u16(&req, VSWITCH_A_PORT_ACCESS_VLAN, below(4));
		break;
	case 4:
		vreq(VSWITCH_CMD_PORT_DEL, sw);
		put_port(VSWITCH_A_PORT_NAME, port);
		break;
	case 5:
		vreq(VSWITCH_CMD_PORT_SET, sw);
		put_port(VSWITCH_A_PORT_NAME, port);
		genl_put_attr(&req, VSWITCH_A_PORT_DHCP_GUARD, (uint8_t[]){ below(2) }, 1);
		genl_put_u32(&req, VSWITCH_A_PORT_LEARN_LIMIT, below(3));
		break;
	case 6:
		vreq(VSWITCH_CMD_NIC_NEW, sw);
		put_port(VSWITCH_A_NIC_PORT_NAME, port);
		genl_put_u32(&req, VSWITCH_A_NIC_IFINDEX, veth_ifindex[below(NVETH)]);
		break;
	case 7: {
		static const uint8_t nic_cmds[] = {
			VSWITCH_CMD_NIC_CONNECT, VSWITCH_CMD_NIC_DISCONNECT, VSWITCH_CMD_NIC_DEL,
			VSWITCH_CMD_NIC_GET,
		};

		vreq(nic_cmds[below(4)], sw);
		put_port(VSWITCH_A_NIC_PORT_NAME, port);
		break;
	}
	case 8:
		vreq(VSWITCH_CMD_FDB_ADD, sw);
		genl_put_attr(&req, VSWITCH_A_FDB_MAC, mac, 6);
		put_port(VSWITCH_A_FDB_PORT_NAME, port);
		break;
	case 9:
		if (chance(50)) {
			vreq(VSWITCH_CMD_FDB_DEL, sw);
			genl_put_attr(&req, VSWITCH_A_FDB_MAC, mac, 6);
		} else {
			vreq(VSWITCH_CMD_FDB_FLUSH, sw);
			if (chance(50))
				genl_put_flag(&req, VSWITCH_A_FDB_STATIC);
		}
		break;
	case 10:
		vreq(VSWITCH_CMD_EXT_SET, sw);
		genl_put_str(&req, VSWITCH_A_EXT_NAME, exts[below(ARRAY_SIZE(exts))]);
		genl_put_attr(&req, VSWITCH_A_EXT_ENABLED, (uint8_t[]){ chance(70) }, 1);
		break;
	case 11:
	case 12:
		vreq(chance(70) ? VSWITCH_CMD_PROP_NEW : VSWITCH_CMD_PROP_SET, sw);
		put_port(VSWITCH_A_PROP_PORT_NAME, port);
		put_acl_rule();
		break;
	case 13:
		vreq(VSWITCH_CMD_PROP_DEL, sw);
		put_port(VSWITCH_A_PROP_PORT_NAME, port);
		genl_put_u32(&req, VSWITCH_A_PROP_ID, HVNET_ACL_PROP_ID);
		genl_put_u32(&req, VSWITCH_A_PROP_INSTANCE, 1 + below(4));
		break;
	default: {
		/* a dump of any read */
		static const uint8_t reads[] = {
			VSWITCH_CMD_SWITCH_GET, VSWITCH_CMD_PORT_GET, VSWITCH_CMD_NIC_GET,
			VSWITCH_CMD_FDB_GET, VSWITCH_CMD_EXT_GET, VSWITCH_CMD_PROP_GET,
		};

		vreq(reads[below(6)], chance(70) ? sw : -1);
		req.nlh.nlmsg_flags |= NLM_F_DUMP;
		dumps++;
	}
	}
	ret = genl_call(fd, &req, &ans);
	count(SENDER_VALID, ret, &ans);
}

/* --- random requests ----------------------------------------------------------- */

static const char *const pool_names[] = {
	"fz0", "fz1", "fz2", "p0", "p1", "p2", "p3", "acl", "noop", "sfwd", "bpf", "capture", "",
};

static void random_payload(unsigned char *p, uint16_t len)
{
	uint16_t i;
	uint32_t v;

	switch (below(4)) {
	case 0:
		memset(p, 0, len);
		break;
	case 1:
		memset(p, 0xff, len);
		break;
	case 2:
		/* a small number, an id or an ifindex, in the low bytes */
		memset(p, 0, len);
		v = below(4) ? below(8) : veth_ifindex[below(NVETH)];
		memcpy(p, &v, len < 4 ? len : 4);
		break;
	default:
		for (i = 0; i < len; i++)
			p[i] = rnd();
	}
}

/* one random attribute at the end of @req, @depth nests deep */
static void random_attr(int fi, int oi, int kind, int depth)
{
	static const uint16_t lens[] = { 0, 1, 2, 4, 6, 8, 16, 63, 64 };
	const struct case_list *l = NULL;
	unsigned char buf[600];
	uint16_t type, len;

	if (oi >= 0)
		l = &cases[fi][oi][kind];

	if (l && l->n && chance(75)) {
		const struct kept_case *c = &l->c[below(l->n)];

		if (NLMSG_ALIGN(req.nlh.nlmsg_len) + NLA_HDRLEN + NLA_ALIGN(c->len) < GENL_RAW_BUF)
			genl_put_attr(&req, c->type | c->flags, c->data, c->len);
		return;
	}
	type = chance(80) ? below(32) : rnd();
	if (depth < 3 && chance(15)) {
		/* a nest of random attributes */
		struct nlattr *nest = (struct nlattr *)(req.buf + NLMSG_ALIGN(req.nlh.nlmsg_len));
		int i, n = below(4);

		genl_put_attr(&req, type | (chance(80) ? NLA_F_NESTED : 0), NULL, 0);
		for (i = 0; i < n; i++)
			random_attr(fi, -1, kind, depth + 1);
		nest->nla_len = req.buf + req.nlh.nlmsg_len - (char *)nest;
		return;
	}
	if (chance(40)) {
		const char *s = pool_names[below(ARRAY_SIZE(pool_names))];

		genl_put_str(&req, type, s);
		return;
	}
	len = chance(70) ? lens[below(ARRAY_SIZE(lens))] : below(sizeof(buf));
	random_payload(buf, len);
	genl_put_attr(&req, type, buf, len);
}

/* what nobody or the child partition got through that it may not have */
static unsigned long through[SENDERS];

static void check_through(int sender, const struct fam *f, uint8_t cmd, uint16_t flags,
			  const struct genl_ans *a)
{
	/* what genetlink takes for a dump, and the flags it refuses at once */
	int kind = (flags & NLM_F_DUMP) == NLM_F_DUMP ? KIND_DUMP : KIND_DO;
	uint16_t rest = flags & ~(kind == KIND_DUMP ? NLM_F_DUMP : 0);
	bool odd = rest & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO);
	const struct spec_op *so = NULL;
	bool bad;
	int i;

	for (i = 0; i < nspecs; i++)
		if (!strcmp(specs[i].name, f->name))
			so = spec_op(&specs[i], cmd, kind);
	if (sender == SENDER_NOBODY)
		bad = so && strcmp(so->priv, "none") && a->error != -EPERM &&
		      !(odd && a->error == -EINVAL);
	else
		bad = !a->error && !(so && !strcmp(so->name, "info-get"));
	if (bad && through[sender]++ < 10)
		printf("# %s got through: %s %s %s: errno %d \"%s\"\n", sender_name[sender],
		       f->name, so ? so->name : "an op of no spec", kind_name[kind], a->error,
		       a->ext_msg);
}

static void random_request(void)
{
	static const uint16_t extra_flags[] = {
		NLM_F_DUMP, NLM_F_ECHO, NLM_F_EXCL, NLM_F_CREATE, NLM_F_REPLACE, NLM_F_APPEND,
		NLM_F_ATOMIC,
	};
	int fi = below(nfams), oi = -1, kind, i, n, ret, sender, who;
	struct fam *f = &fams[fi];
	uint16_t flags = 0;
	uint8_t cmd;

	if (f->nops && chance(85)) {
		oi = below(f->nops);
		cmd = f->ops[oi].cmd;
	} else {
		cmd = below(4) ? below(40) : rnd();
	}
	for (i = 0; i < (int)ARRAY_SIZE(extra_flags); i++)
		if (chance(extra_flags[i] == NLM_F_DUMP ? 35 : 8))
			flags |= extra_flags[i];
	kind = flags & NLM_F_DUMP ? KIND_DUMP : KIND_DO;
	genl_req_init(&req, f->id, cmd, flags);
	if (chance(3))
		((struct genlmsghdr *)NLMSG_DATA(&req.nlh))->version = rnd();
	n = below(7);
	for (i = 0; i < n; i++)
		random_attr(fi, oi, kind, 0);
	if (chance(4)) {
		/* a torn last attribute: its length past the message's end */
		struct nlattr *a = (struct nlattr *)(req.buf + NLMSG_ALIGN(req.nlh.nlmsg_len));

		genl_put_attr(&req, 1 + below(8), "xxxx", 4);
		a->nla_len += 4 + below(64);
	} else if (chance(2)) {
		/* shorter than the generic netlink header */
		req.nlh.nlmsg_len = NLMSG_HDRLEN + below(GENL_HDRLEN);
	}
	if (flags & NLM_F_DUMP)
		dumps++;
	who = below(100);
	sender = nobody_fd >= 0 && who < 20 ? SENDER_NOBODY :
		 child_fd >= 0 && who < 30 ? SENDER_CHILD : SENDER_RANDOM;
	if (sender == SENDER_NOBODY) {
		/* the effective uid decides the capabilities netlink checks */
		if (seteuid(65534))
			exit(1);
		ret = genl_call(nobody_fd, &req, &ans);
		if (seteuid(0))
			exit(1);
	} else {
		ret = genl_call(sender == SENDER_CHILD ? child_fd : fd, &req, &ans);
	}
	count(sender, ret, &ans);
	if (!ret && sender != SENDER_RANDOM && req.nlh.nlmsg_len >= NLMSG_LENGTH(GENL_HDRLEN))
		check_through(sender, f, cmd, req.nlh.nlmsg_flags, &ans);
}

/* --- setup and the checks after the storm ------------------------------------- */

static int sh(const char *cmd)
{
	return system(cmd);
}

static void veths(bool up)
{
	char cmd[128], name[16];
	int i;

	for (i = 0; i < NVETH; i++) {
		if (up) {
			snprintf(cmd, sizeof(cmd),
				 "ip link add fzvA%d type veth peer name fzvB%d 2>/dev/null", i, i);
			sh(cmd);
			snprintf(name, sizeof(name), "fzvA%d", i);
			veth_ifindex[i] = if_nametoindex(name);
		} else {
			snprintf(cmd, sizeof(cmd), "ip link del fzvA%d 2>/dev/null", i);
			sh(cmd);
		}
	}
}

/*
 * A socket of a child partition's stack: root in a network namespace of its
 * own, made for it and left at once (the socket keeps it).
 */
static int child_socket(void)
{
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC), s = -1;

	if (self < 0)
		return -1;
	if (!unshare(CLONE_NEWNET)) {
		s = genl_open();
		if (setns(self, CLONE_NEWNET))
			exit(1);
	}
	close(self);
	return s;
}

static uint32_t switch_ids[256];
static int nswitch_ids;

static void switch_id_cb(const struct nlmsghdr *nlh, void *data)
{
	const char *p = (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	const struct nlattr *a = (const struct nlattr *)p;

	if (nlh->nlmsg_len >= NLMSG_LENGTH(GENL_HDRLEN) + NLA_HDRLEN + 4 &&
	    (a->nla_type & NLA_TYPE_MASK) == VSWITCH_A_SWITCH_ID && nswitch_ids < 256)
		memcpy(&switch_ids[nswitch_ids++], p + NLA_HDRLEN, 4);
}

/* every switch, whoever made it; returns how many were deleted */
static int delete_switches(void)
{
	int i, deleted = 0;

	nswitch_ids = 0;
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_SWITCH_GET, 0);
	genl_dump(fd, &req, switch_id_cb, NULL);
	for (i = 0; i < nswitch_ids; i++) {
		genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_SWITCH_DEL, 0);
		genl_put_u32(&req, VSWITCH_A_SWITCH_ID, switch_ids[i]);
		if (!genl_call(fd, &req, &ans) && !ans.error)
			deleted++;
	}
	return deleted;
}

static int port_count;

static void port_cb(const struct nlmsghdr *nlh, void *data)
{
	port_count++;
}

/* a switch, a port, a dump that shows it, the deletes: every step must work */
static const char *create_dump_delete(void)
{
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_SWITCH_NEW, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, "fzok");
	genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
	if (genl_call(fd, &req, &ans) || ans.error)
		return "switch-new";
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_PORT_NEW, 0);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, "fzok");
	genl_put_str(&req, VSWITCH_A_PORT_NAME, "p0");
	genl_put_u32(&req, VSWITCH_A_PORT_NIC_IFINDEX, veth_ifindex[0]);
	if (genl_call(fd, &req, &ans) || ans.error)
		return "port-new";
	port_count = 0;
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_PORT_GET, 0);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, "fzok");
	if (genl_dump(fd, &req, port_cb, NULL) || port_count != 1)
		return "port-get dump";
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_NIC_DISCONNECT, 0);
	genl_put_str(&req, VSWITCH_A_NIC_SWITCH_NAME, "fzok");
	genl_put_str(&req, VSWITCH_A_NIC_PORT_NAME, "p0");
	if (genl_call(fd, &req, &ans) || ans.error)
		return "nic-disconnect";
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_NIC_DEL, 0);
	genl_put_str(&req, VSWITCH_A_NIC_SWITCH_NAME, "fzok");
	genl_put_str(&req, VSWITCH_A_NIC_PORT_NAME, "p0");
	if (genl_call(fd, &req, &ans) || ans.error)
		return "nic-del";
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_PORT_DEL, 0);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, "fzok");
	genl_put_str(&req, VSWITCH_A_PORT_NAME, "p0");
	if (genl_call(fd, &req, &ans) || ans.error)
		return "port-del";
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_SWITCH_DEL, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, "fzok");
	if (genl_call(fd, &req, &ans) || ans.error)
		return "switch-del";
	nswitch_ids = 0;
	genl_req_init(&req, fams[vsw].id, VSWITCH_CMD_SWITCH_GET, 0);
	genl_dump(fd, &req, switch_id_cb, NULL);
	return nswitch_ids ? "switch-get dump after the delete" : NULL;
}

static unsigned long env_num(const char *name, unsigned long def)
{
	const char *v = getenv(name);

	return v && *v ? strtoul(v, NULL, 0) : def;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	char names[MAX_FAMS][NAME_LEN], err[256];
	unsigned long seed = env_num("FUZZ_SEED", 14), seconds = env_num("FUZZ_SECONDS", 20);
	unsigned long limit = env_num("FUZZ_COUNT", 0);
	int n, i, left, failed = 0;
	const char *broken;
	double t0, end;

	printf("TAP version 13\n1..4\n");
	printf("# genl_fuzz: seed %lu, %lu s%s (FUZZ_SEED=%lu FUZZ_SECONDS=%lu to repeat)\n",
	       seed, seconds, limit ? " or the count" : "", seed, seconds);
	rng_state = seed;
	fd = genl_open();
	if (fd < 0) {
		printf("not ok 1 fuzz # no generic netlink socket\n");
		return 1;
	}
	nspecs = spec_load("genl_spec.txt", specs, MAX_FAMS);
	n = hvnet_families(fd, names, MAX_FAMS);
	for (i = 0; i < nspecs; i++)
		if (genl_resolve(fd, specs[i].name) > 0 && n < MAX_FAMS) {
			int j;

			for (j = 0; j < n && strcmp(names[j], specs[i].name); j++)
				;
			if (j == n)
				snprintf(names[n++], NAME_LEN, "%.63s", specs[i].name);
		}
	for (i = 0; i < n; i++) {
		if (fam_get(fd, names[i], -1, &fams[nfams], err, sizeof(err))) {
			printf("# %s\n", err);
			continue;
		}
		if (!strcmp(names[i], VSWITCH_FAMILY_NAME))
			vsw = nfams;
		nfams++;
	}
	if (vsw < 0) {
		printf("ok 1 fuzz # SKIP the vswitch family is not registered\n");
		return 4;
	}
	keep_cases();
	veths(true);
	if (!seteuid(65534)) {
		nobody_fd = genl_open();
		if (seteuid(0))
			return 1;
	}
	child_fd = child_socket();
	printf("# %d families; an unprivileged sender %s, a child partition's %s\n", nfams,
	       nobody_fd >= 0 ? "too" : "cannot be had", child_fd >= 0 ? "too" : "cannot be had");

	t0 = now();
	end = t0 + seconds;
	while (limit ? sent < limit : now() < end) {
		if (chance(30))
			valid_request();
		else
			random_request();
	}
	printf("# %lu requests in %.1f s\n", sent, now() - t0);
	print_tally();
	if (tally[SENDER_VALID][MAX_ERRNO + 1] + tally[SENDER_RANDOM][MAX_ERRNO + 1] +
	    tally[SENDER_NOBODY][MAX_ERRNO + 1]) {
		printf("not ok 1 fuzz: requests went unanswered (seed %lu)\n", seed);
		failed++;
	} else {
		printf("ok 1 fuzz: %lu requests, all answered (seed %lu)\n", sent, seed);
	}

	if (nobody_fd < 0 || child_fd < 0) {
		printf("not ok 2 nobody and a child partition get through only what they may");
		printf(" # %s cannot be had\n", nobody_fd < 0 ? "nobody" : "a child partition");
		failed++;
	} else if (through[SENDER_NOBODY] + through[SENDER_CHILD]) {
		printf("not ok 2 nobody and a child partition get through only what they may");
		printf(" # nobody %lu, the child partition %lu (seed %lu)\n",
		       through[SENDER_NOBODY], through[SENDER_CHILD], seed);
		failed++;
	} else {
		printf("ok 2 nobody and a child partition get through only what they may\n");
	}

	printf("# %d switches deleted after the storm\n", delete_switches());
	broken = create_dump_delete();
	if (broken) {
		printf("not ok 3 a valid create, dump and delete works after the storm");
		printf(" # %s: errno %d \"%s\"\n", broken, ans.error, ans.ext_msg);
		failed++;
	} else {
		printf("ok 3 a valid create, dump and delete works after the storm\n");
	}
	if (nobody_fd >= 0)
		close(nobody_fd);
	if (child_fd >= 0)
		close(child_fd);
	close(fd);
	left = hvnet_unload_all();
	veths(false);
	if (left) {
		printf("not ok 4 every module unloads # %d stay loaded\n", left);
		failed++;
	} else {
		printf("ok 4 every module unloads\n");
	}
	return failed ? 1 : 0;
}
