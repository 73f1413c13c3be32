// SPDX-License-Identifier: GPL-2.0
/*
 * The privilege of every op of every hvnet family, as
 * Documentation/netlink/privileges.md states it (read through
 * genl_spec.txt, which genl_spec.py builds from that table and the specs).
 *
 * unprivileged: as nobody (setpriv --reuid=65534 --regid=65534
 *   --clear-groups, done here with the same system calls), every op, do and
 *   dump, once bare and once with every request attribute its spec lists,
 *   filled to act on the fixture. An op the table says needs CAP_NET_ADMIN
 *   answers EPERM and the switch state (every read's dump, counters aside) is
 *   the same afterwards. An op that needs nothing must be a -get, have a
 *   policy, and hold it at every bound for nobody too (the boundary sweep of
 *   genl_policy_test, with its rule for a kernel without split ops: a
 *   dump's attributes that only its do takes are refused at dump start):
 *   nothing unprivileged reaches an untested parser.
 * child_partition: root in a child network namespace (a child partition's
 *   stack: CAP_NET_ADMIN, another netns) sends every op, do and dump, bare
 *   and filled. Every family's info-get answers; every other op, change or
 *   read, is refused with EPERM (switches are configured and read from the
 *   root partition only); the state is the same afterwards. A bare change
 *   may be refused first for what it lacks (EINVAL, an extack saying what:
 *   a change's request is checked before the partition is); the filled one
 *   must be EPERM.
 * root_control: the same filled requests as root do what nobody's could
 *   not: the reads nobody is refused answer root, the changes change the
 *   state, so the unprivileged case could have seen a change.
 * table: every op and kind the kernel has is in the table, with the flags
 *   (CTRL_CMD_GETFAMILY) and the spec's flags saying the same.
 *
 * The state is every read's answer as root (admin reads too: properties,
 * the ACL counters), volatile attributes aside.
 *
 * Fixture: private switch hvpv0, port p1 with an emulated NIC on hvpvA
 * (connected), port p2, a static FDB entry on p2, the acl extension enabled
 * with one rule on p1.
 */
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/hvnet_ext_acl.h>
#include <linux/hvnet_vswitch.h>

#include "kselftest_harness.h"
#include "genl_policy.h"

#define MAX_FAMS	16
#define SW		"hvpv0"

static struct spec_fam specs[MAX_FAMS];
static int nspecs;

struct fixture_ids {
	uint32_t sw, p1, p2, ifb;
};

static int sh(const char *cmd)
{
	return system(cmd);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && !strcmp(s + a - b, tail);
}

/* --- requests filled from the spec ---------------------------------------- */

static bool is(const struct spec_op *op, const struct spec_attr *a, const char *set,
	       const char *name)
{
	return !strcmp(a->name, name) && (!set || !strcmp(op->set, set));
}

/*
 * Every request attribute of @op with a value that names the fixture (fresh
 * names for -new and -add); attributes whose values depend on each other
 * (private VLANs, trunks, types, netdevs) are left out.
 */
static void fill(struct genl_req *r, const struct spec_fam *s, const struct spec_op *op,
		 const struct fixture_ids *id)
{
	static const char *const skip[] = {
		"pvlan-mode", "primary-vlan", "secondary-vlan", "trunk-vlans",
		"native-vlan", "nic-ifindex", "uplink-ifindex", "internal-ifname",
	};
	bool fresh = ends_with(op->name, "-new") || ends_with(op->name, "-add");
	/* p1's NIC is connected: the new NIC goes on p2, connects there */
	bool nic_new = !strcmp(op->name, "nic-new") || !strcmp(op->name, "nic-connect");
	int i;

	genl_req_init(r, 0, op->cmd, op->kind == KIND_DUMP ? NLM_F_DUMP : 0);
	for (i = 0; i < op->nattrs; i++) {
		const struct spec_attr *a = &op->attrs[i];
		const struct pol_attr *p = &a->pol;
		bool skipped = false;
		unsigned int k;
		uint64_t v;

		for (k = 0; k < ARRAY_SIZE(skip); k++)
			skipped |= !strcmp(a->name, skip[k]);
		if (skipped || is(op, a, "port", "type"))
			continue;
		if (is(op, a, NULL, "switch-name") || is(op, a, "switch", "name")) {
			genl_put_str(r, a->num, fresh && !strcmp(op->set, "switch") ? "hvpv9" : SW);
			continue;
		}
		if (is(op, a, NULL, "port-name") || is(op, a, "port", "name")) {
			genl_put_str(r, a->num, nic_new ? "p2" :
				     fresh && !strcmp(op->set, "port") ? "p9" : "p1");
			continue;
		}
		if (is(op, a, "ext", "name")) {
			genl_put_str(r, a->num, "acl");
			continue;
		}
		if (is(op, a, NULL, "mac")) {
			uint8_t mac[6] = { 2, 0, 0, 0, 0, fresh ? 9 : 1 };

			genl_put_attr(r, a->num, mac, 6);
			continue;
		}
		if (is(op, a, "prop", "data")) {
			struct hvnet_acl_rule rule = {
				.direction = HVNET_ACL_DIR_IN, .type = HVNET_ACL_TYPE_IPV4,
				.side = HVNET_ACL_SIDE_REMOTE, .action = HVNET_ACL_ACTION_DENY,
				.prefix_len = 32, .addr = { 10, 9, 0, fresh ? 9 : 8 },
			};

			genl_put_attr(r, a->num, &rule, sizeof(rule));
			continue;
		}
		if (p->type == NL_ATTR_TYPE_FLAG) {
			genl_put_flag(r, a->num);
			continue;
		}
		if (p->type == NL_ATTR_TYPE_NUL_STRING || p->type == NL_ATTR_TYPE_STRING) {
			genl_put_str(r, a->num, "x");
			continue;
		}
		if (!p->has_urange)
			continue;
		/* integers: the fixture's ids, else a value the policy takes */
		v = p->umax > 1 && p->umin < 1000 && p->umax >= 1000 ? 1000 : p->umax;
		if (is(op, a, NULL, "switch-id") || is(op, a, "switch", "id"))
			v = id->sw;
		else if (is(op, a, NULL, "port-id") || is(op, a, "port", "id"))
			v = nic_new ? id->p2 : id->p1;
		else if (is(op, a, "prop", "id"))
			v = HVNET_ACL_PROP_ID;
		else if (is(op, a, "prop", "instance"))
			v = fresh ? 7 : 1;
		else if (is(op, a, "prop", "version"))
			v = HVNET_ACL_VERSION;
		else if (is(op, a, "nic", "ifindex"))
			v = id->ifb;
		else if (is(op, a, "nic", "mtu"))
			v = 1400;
		else if (is(op, a, NULL, "index") || is(op, a, NULL, "vlan") ||
			 is(op, a, NULL, "enabled") || is(op, a, NULL, "position") ||
			 is(op, a, NULL, "access-vlan") || is(op, a, NULL, "mirror-mode"))
			v = p->umin;
		else if (is(op, a, "switch", "type"))
			v = VSWITCH_SWITCH_TYPE_PRIVATE;
		else if (is(op, a, NULL, "vlan-mode"))
			v = 1;
		switch (p->type) {
		case NL_ATTR_TYPE_U8:
			genl_put_attr(r, a->num, &v, 1);
			break;
		case NL_ATTR_TYPE_U16:
			genl_put_u16(r, a->num, v);
			break;
		case NL_ATTR_TYPE_U32:
			genl_put_u32(r, a->num, v);
			break;
		default:
			genl_put_attr(r, a->num, &v, 8);
		}
	}
}

/* --- the state digest: every read's dump, volatile attributes aside --------- */

struct digest {
	char *buf;
	size_t len, cap;
	const struct spec_op *op;
};

static void digest_add(struct digest *d, const void *p, size_t n)
{
	if (d->len + n > d->cap) {
		d->cap = (d->len + n) * 2;
		d->buf = realloc(d->buf, d->cap);
	}
	memcpy(d->buf + d->len, p, n);
	d->len += n;
}

static void digest_msg(struct digest *d, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *g = NLMSG_DATA(nlh);
	const char *p = (const char *)g + GENL_HDRLEN;
	const char *end = (const char *)nlh + nlh->nlmsg_len;
	int i;

	digest_add(d, &g->cmd, 1);
	while (p + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)p;
		bool vol = false;

		if (a->nla_len < NLA_HDRLEN)
			break;
		for (i = 0; i < d->op->nvolatile; i++)
			vol |= d->op->volatile_attrs[i] == (a->nla_type & NLA_TYPE_MASK);
		if (!vol)
			digest_add(d, a, a->nla_len);
		p += NLA_ALIGN(a->nla_len);
	}
}

static void digest_cb(const struct nlmsghdr *nlh, void *data)
{
	digest_msg(data, nlh);
}

/*
 * every read of every family that lists the switch or everything, as root:
 * the admin ones too
 */
static int digest(int fd, struct digest *d)
{
	static struct genl_req r;
	static struct genl_ans ans;
	int i, o, k, id, reads = 0;

	d->len = 0;
	for (i = 0; i < nspecs; i++) {
		id = genl_resolve(fd, specs[i].name);
		if (id <= 0)
			continue;
		for (o = 0; o < specs[i].nops; o++) {
			const struct spec_op *op = &specs[i].ops[o];
			int sw = -1;

			if (!ends_with(op->name, "-get"))
				continue;
			for (k = 0; k < op->nattrs; k++)
				if (!strcmp(op->attrs[k].name, "switch-name"))
					sw = k;
			if (op->kind == KIND_DO && sw < 0)
				continue;
			d->op = op;
			genl_req_init(&r, id, op->cmd, 0);
			if (sw >= 0)
				genl_put_str(&r, op->attrs[sw].num, SW);
			if (op->kind == KIND_DUMP)
				genl_dump(fd, &r, digest_cb, d);
			else if (!genl_exchange(fd, &r, &ans) && !ans.error && ans.nreplies)
				digest_msg(d, &ans.reply);
			reads++;
		}
	}
	return reads;
}

/* --- fixture ------------------------------------------------------------------ */

#define SETUP								\
	"ip link show hvpvA >/dev/null 2>&1 || "			\
	"ip link add hvpvA type veth peer name hvpvB; "			\
	"hvnet switch del " SW " 2>/dev/null; hvnet switch del hvpv9 2>/dev/null; " \
	"hvnet switch add " SW " type private && "			\
	"hvnet port add " SW " name p1 dev hvpvA && "			\
	"hvnet port add " SW " name p2 && "				\
	"hvnet fdb add " SW " 02:00:00:00:00:01 port p2 && "		\
	"hvnet ext enable " SW " acl && "				\
	"hvnet acl add " SW " p1 dir in action deny ip 10.9.0.8"

FIXTURE(priv) {
	int fd;
	struct fixture_ids id;
	double t0;
};

static uint32_t json_id(const char *cmd)
{
	char line[4096], *p;
	uint32_t v = 0;
	FILE *fp;

	fp = popen(cmd, "r");
	if (!fp)
		return 0;
	if (fgets(line, sizeof(line), fp)) {
		p = strstr(line, "\"id\":");
		if (p)
			v = strtoul(p + 5, NULL, 10);
	}
	pclose(fp);
	return v;
}

FIXTURE_SETUP(priv)
{
	self->t0 = seconds_now();
	nspecs = spec_load("genl_spec.txt", specs, MAX_FAMS);
	ASSERT_LT(0, nspecs) TH_LOG("genl_spec.txt is missing or unreadable");
	if (hvnet_load_all() <= 0)
		SKIP(return, "no hvnet module loads");
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, sh(SETUP));
	self->id.sw = json_id("hvnet -j switch show " SW);
	self->id.p1 = json_id("hvnet -j port show " SW " p1");
	self->id.p2 = json_id("hvnet -j port show " SW " p2");
	self->id.ifb = if_nametoindex("hvpvB");
	ASSERT_NE(0U, self->id.sw);
	ASSERT_NE(0U, self->id.p1);
	ASSERT_NE(0U, self->id.p2);
	ASSERT_NE(0U, self->id.ifb);
}

FIXTURE_TEARDOWN(priv)
{
	sh("hvnet switch del " SW " 2>/dev/null; hvnet switch del hvpv9 2>/dev/null; "
	   "ip link del hvpvA 2>/dev/null");
	close(self->fd);
	printf("# took %.1f s\n", seconds_now() - self->t0);
}

/* --- as nobody ------------------------------------------------------------------ */

static const char *errname(int err)
{
	return err ? strerrorname_np(-err) : "0";
}

/* what the privilege table says @op needs, or NULL */
static const char *doc_priv(const struct spec_fam *s, const struct spec_op *op)
{
	int i;

	for (i = 0; i < s->ndocs; i++)
		if (!strcmp(s->docs[i].op, op->name) && s->docs[i].kind == op->kind)
			return s->docs[i].priv;
	return NULL;
}

/*
 * One op and kind as nobody, bare and filled, before anything asked for the
 * policies (as an unprivileged user would); returns the failures.
 */
static int unprivileged_send(int fd, uint16_t family, const struct spec_fam *s,
			     const struct spec_op *op, const struct fixture_ids *id)
{
	static struct genl_req r;
	static struct genl_ans ans;
	const char *doc = doc_priv(s, op), *kind = kind_name[op->kind];
	int pass, bad = 0, got[2] = { 0, 0 };
	bool admin;

	if (!doc) {
		printf("# %s %s %s: not in the privilege table\n", s->name, op->name, kind);
		return 1;
	}
	admin = strcmp(doc, "none");
	for (pass = 0; pass < 2; pass++) {
		if (pass)
			fill(&r, s, op, id);
		else
			genl_req_init(&r, 0, op->cmd, op->kind == KIND_DUMP ? NLM_F_DUMP : 0);
		r.nlh.nlmsg_type = family;
		if (genl_call(fd, &r, &ans)) {
			printf("# %s %s %s: no answer\n", s->name, op->name, kind);
			bad++;
			continue;
		}
		got[pass] = ans.error;
		if (admin && ans.error != -EPERM) {
			printf("# %s %s %s (%s request): needs %s, nobody got errno %d \"%s\"\n",
			       s->name, op->name, kind, pass ? "filled" : "bare", doc, ans.error,
			       ans.ext_msg);
			bad++;
		}
		if (!admin && ans.error == -EPERM) {
			printf("# %s %s %s (%s request): open to all, nobody got EPERM\n",
			       s->name, op->name, kind, pass ? "filled" : "bare");
			bad++;
		}
	}
	printf("# nobody: %s %s %s (needs %s): bare %s, filled %s\n", s->name, op->name,
	       kind, doc, errname(got[0]), errname(got[1]));
	return bad;
}

/* An op open to nobody: a read, validated, its policy holding for nobody too. */
static int unprivileged_open(int fd, const struct spec_fam *s, const struct fam *f,
			     const struct spec_op *op, struct sweep_stats *st)
{
	const struct fam_op *kop = fam_op(f, op->cmd);
	int bad = 0;

	if (!ends_with(op->name, "-get")) {
		printf("# %s %s: open to unprivileged users and not a -get\n", s->name, op->name);
		bad++;
	}
	if (!kop || !(kop->flags & GENL_CMD_CAP_HASPOL) || !fam_op_policy(f, kop, op->kind)) {
		printf("# %s %s %s: open to unprivileged users with no policy\n", s->name,
		       op->name, kind_name[op->kind]);
		return bad + 1;
	}
	return bad + sweep_op(fd, f, kop, op->kind, op->name, st);
}

static int unprivileged(const struct fixture_ids *id)
{
	int fd, i, o, family, bad = 0, ops = 0, ret, split;
	struct sweep_stats st = { 0 };
	static struct fam f;
	char err[256];

	ret = drop_privileges();
	if (ret) {
		printf("# cannot become nobody: %s\n", strerror(-ret));
		return 1;
	}
	fd = genl_open();
	if (fd < 0)
		return 1;
	for (i = 0; i < nspecs; i++) {
		family = genl_resolve(fd, specs[i].name);
		for (o = 0; family > 0 && o < specs[i].nops; o++, ops++)
			bad += unprivileged_send(fd, family, &specs[i], &specs[i].ops[o], id);
	}
	split = genl_split_ops(fd);
	if (split < 0) {
		printf("# nobody: the families' policies cannot be read\n");
		return bad + 1;
	}
	for (i = 0; i < nspecs; i++) {
		if (genl_resolve(fd, specs[i].name) <= 0)
			continue;
		if (fam_get(fd, specs[i].name, -1, &f, err, sizeof(err))) {
			printf("# nobody: %s\n", err);
			bad++;
			continue;
		}
		fam_fold(&f, &specs[i], split);
		for (o = 0; o < specs[i].nops; o++) {
			const char *doc = doc_priv(&specs[i], &specs[i].ops[o]);

			if (doc && !strcmp(doc, "none"))
				bad += unprivileged_open(fd, &specs[i], &f, &specs[i].ops[o], &st);
		}
	}
	printf("# nobody: %d ops and kinds\n", ops);
	sweep_print("nobody, the open ops' sweep", &st);
	close(fd);
	return ops ? bad : 1;
}

/*
 * @sender in a child process (it becomes nobody, or moves to a child
 * partition); the state as root before and after must be the same.
 */
static void apart(struct __test_metadata *_metadata, int fd, const struct fixture_ids *id,
		  int (*sender)(const struct fixture_ids *id), const char *who)
{
	struct digest before = { 0 }, after = { 0 };
	int status, reads;
	pid_t pid;

	reads = digest(fd, &before);
	ASSERT_LT(0, reads);
	ASSERT_LT(0UL, before.len);
	fflush(stdout);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int bad = sender(id);

		fflush(stdout);
		_exit(bad > 255 ? 255 : bad);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	digest(fd, &after);
	EXPECT_EQ(before.len, after.len);
	EXPECT_EQ(0, memcmp(before.buf, after.buf, before.len < after.len ? before.len : after.len))
		TH_LOG("%s changed the state", who);
	printf("# state: %d reads, %zu bytes, the same before and after\n", reads, before.len);
	free(before.buf);
	free(after.buf);
}

TEST_F_TIMEOUT(priv, unprivileged, 300)
{
	apart(_metadata, self->fd, &self->id, unprivileged, "nobody");
}

/* --- from a child partition ---------------------------------------------------- */

/* One op and kind from a child partition, bare and filled; returns the failures. */
static int child_send(int fd, uint16_t family, const struct spec_fam *s,
		      const struct spec_op *op, const struct fixture_ids *id)
{
	bool open = !strcmp(op->name, "info-get") && op->kind == KIND_DO;
	const char *kind = kind_name[op->kind];
	static struct genl_req r;
	static struct genl_ans ans;
	int pass, bad = 0, got[2] = { 0, 0 };
	bool missing;

	for (pass = 0; pass < 2; pass++) {
		if (pass)
			fill(&r, s, op, id);
		else
			genl_req_init(&r, 0, op->cmd, op->kind == KIND_DUMP ? NLM_F_DUMP : 0);
		r.nlh.nlmsg_type = family;
		if (genl_call(fd, &r, &ans)) {
			printf("# %s %s %s: no answer\n", s->name, op->name, kind);
			bad++;
			continue;
		}
		got[pass] = ans.error;
		/* a bare change lacking what it needs is refused for that first */
		missing = !pass && ans.error == -EINVAL && ans.ext_msg[0];
		if (open ? ans.error != 0 : ans.error != -EPERM && !missing) {
			printf("# %s %s %s (%s request): from a child partition ", s->name,
			       op->name, kind, pass ? "filled" : "bare");
			printf("errno %d \"%s\", not %s\n", ans.error, ans.ext_msg,
			       open ? "an answer" : "EPERM");
			bad++;
		}
	}
	printf("# child partition: %s %s %s: bare %s, filled %s\n", s->name, op->name, kind,
	       errname(got[0]), errname(got[1]));
	return bad;
}

static int child_partition(const struct fixture_ids *id)
{
	int fd, i, o, family, bad = 0, ops = 0;
	bool here[MAX_FAMS];

	fd = genl_open();
	if (fd < 0)
		return 1;
	for (i = 0; i < nspecs; i++)
		here[i] = genl_resolve(fd, specs[i].name) > 0;
	close(fd);
	if (unshare(CLONE_NEWNET)) {
		printf("# cannot make a network namespace: %s\n", strerror(errno));
		return 1;
	}
	fd = genl_open();
	if (fd < 0)
		return 1;
	for (i = 0; i < nspecs; i++) {
		if (!here[i])
			continue;
		family = genl_resolve(fd, specs[i].name);
		if (family <= 0) {
			printf("# %s: not registered in a child partition (errno %d)\n",
			       specs[i].name, family);
			bad++;
			continue;
		}
		for (o = 0; o < specs[i].nops; o++, ops++)
			bad += child_send(fd, family, &specs[i], &specs[i].ops[o], id);
	}
	printf("# child partition: %d ops and kinds\n", ops);
	close(fd);
	return ops ? bad : 1;
}

TEST_F_TIMEOUT(priv, child_partition, 120)
{
	apart(_metadata, self->fd, &self->id, child_partition, "a child partition");
}

/*
 * the order root sends them in: reads (before a change disables what they
 * read), changes, creations, then deletions last
 */
static const char *const verbs[] = {
	"-get", "-set", "-new", "-add", "-connect", "-disconnect", "-flush", "-del",
};

static int verb_rank(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (ends_with(name, verbs[i]))
			return i;
	return 1;
}

TEST_F_TIMEOUT(priv, root_control, 300)
{
	int i, o, rank, last = ARRAY_SIZE(verbs) - 1, sent = 0, done = 0, changed = 0;
	int reads = 0, reads_done = 0;
	struct digest before = { 0 }, after = { 0 };
	static struct genl_req r;
	static struct genl_ans ans;

	digest(self->fd, &before);
	for (rank = 0; rank <= last; rank++) {
		for (i = 0; i < nspecs; i++) {
			int id = genl_resolve(self->fd, specs[i].name);
			/* deletions from the last object type to the first */
			bool back = rank == last;

			if (id <= 0)
				continue;
			for (o = back ? specs[i].nops - 1 : 0; back ? o >= 0 : o < specs[i].nops;
			     o += back ? -1 : 1) {
				const struct spec_op *op = &specs[i].ops[o];

				if (!strcmp(op->priv, "none") || verb_rank(op->name) != rank)
					continue;
				fill(&r, &specs[i], op, &self->id);
				r.nlh.nlmsg_type = id;
				if (genl_call(self->fd, &r, &ans))
					continue;
				if (!rank) {
					/* a read nobody is refused: root gets its answer */
					reads++;
					reads_done += !ans.error;
					printf("# root: %s %s %s: errno %d%s%s%s\n", specs[i].name,
					       op->name, kind_name[op->kind], ans.error,
					       ans.ext_msg[0] ? " \"" : "", ans.ext_msg,
					       ans.ext_msg[0] ? "\"" : "");
					continue;
				}
				sent++;
				digest(self->fd, &after);
				done += !ans.error;
				changed += after.len != before.len ||
					   memcmp(after.buf, before.buf, after.len);
				printf("# root: %s %s: errno %d%s%s%s\n", specs[i].name, op->name,
				       ans.error, ans.ext_msg[0] ? " \"" : "", ans.ext_msg,
				       ans.ext_msg[0] ? "\"" : "");
				before.len = 0;
				digest(self->fd, &before);
			}
		}
	}
	printf("# root: %d of %d admin reads answered; ", reads_done, reads);
	printf("%d of %d filled changes succeeded, %d changed the state\n", done, sent, changed);
	EXPECT_LT(0, reads);
	EXPECT_EQ(reads, reads_done) TH_LOG("a read needing CAP_NET_ADMIN does not answer root");
	EXPECT_LT(0, sent);
	EXPECT_LT(0, changed);
	free(before.buf);
	free(after.buf);
}

/* the table's rows of @s against its spec and the kernel's flags */
static int table_rows(const struct spec_fam *s, const struct fam *f)
{
	const uint32_t cap[KINDS] = { GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP };
	int d, bad = 0;

	for (d = 0; d < s->ndocs; d++) {
		const struct spec_doc *doc = &s->docs[d];
		const struct spec_op *so = spec_op_named(s, doc->op, doc->kind);
		const struct fam_op *op = so ? fam_op(f, so->cmd) : NULL;
		const char *kind = kind_name[doc->kind];

		if (!so) {
			printf("# table: %s %s %s is in no spec\n", s->name, doc->op, kind);
			bad++;
			continue;
		}
		if (strcmp(so->priv, doc->priv)) {
			printf("# table: %s %s %s needs %s, the spec says %s\n", s->name, doc->op,
			       kind, doc->priv, so->priv);
			bad++;
		}
		if (!op || !(op->flags & cap[doc->kind])) {
			printf("# table: %s %s %s is not in the kernel\n", s->name, doc->op, kind);
			bad++;
		} else if (strcmp(op_priv(op->flags), doc->priv)) {
			printf("# table: %s %s %s needs %s, the kernel's flags say %s\n", s->name,
			       doc->op, kind, doc->priv, op_priv(op->flags));
			bad++;
		}
	}
	return bad;
}

/* every op and kind the kernel has is a row of the table */
static int table_complete(const struct spec_fam *s, const struct fam *f)
{
	const uint32_t cap[KINDS] = { GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP };
	int o, k, d, bad = 0;

	for (o = 0; o < f->nops; o++) {
		for (k = 0; k < KINDS; k++) {
			const struct spec_op *so = spec_op(s, f->ops[o].cmd, k);
			bool found = false;

			if (!(f->ops[o].flags & cap[k]))
				continue;
			for (d = 0; so && d < s->ndocs; d++)
				found |= !strcmp(s->docs[d].op, so->name) && s->docs[d].kind == k;
			if (found)
				continue;
			printf("# table: %s op %u %s is not in privileges.md\n", s->name,
			       f->ops[o].cmd, kind_name[k]);
			bad++;
		}
	}
	return bad;
}

TEST_F_TIMEOUT(priv, table, 120)
{
	static struct fam f;
	int i, bad = 0, rows = 0;
	char err[256];

	for (i = 0; i < nspecs; i++) {
		if (genl_resolve(self->fd, specs[i].name) <= 0)
			continue;
		ASSERT_EQ(0, fam_get(self->fd, specs[i].name, -1, &f, err, sizeof(err)))
			TH_LOG("%s", err);
		bad += table_rows(&specs[i], &f) + table_complete(&specs[i], &f);
		rows += specs[i].ndocs;
	}
	printf("# %d rows of the table checked\n", rows);
	EXPECT_LT(0, rows);
	EXPECT_EQ(0, bad);
}

TEST_HARNESS_MAIN
