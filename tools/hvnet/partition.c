// SPDX-License-Identifier: GPL-2.0
/* `hvnet partition`: make network namespaces child partitions, show and delete them. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <linux/hvnet_netvsp.h>

#include "hvnet.h"

#define NETNS_RUN_DIR "/run/netns"

static const struct vsw_policy partition_policy[NETVSP_A_PARTITION_MAX + 1] = {
	[NETVSP_A_PARTITION_NAME] = { MNL_TYPE_NUL_STRING },
	[NETVSP_A_PARTITION_NETNS_ID] = { MNL_TYPE_U32 },
	[NETVSP_A_PARTITION_NETNS_INODE] = { MNL_TYPE_U32 },
	[NETVSP_A_PARTITION_VMNIC_COUNT] = { MNL_TYPE_U32 },
};

/* The name under /run/netns of the namespace with inode @ino, if it has one. */
static bool netns_name(uint32_t ino, char *name, size_t size)
{
	char path[PATH_MAX];
	struct dirent *e;
	struct stat st;
	bool found = false;
	DIR *dir;

	dir = opendir(NETNS_RUN_DIR);
	if (!dir)
		return false;
	while (!found && (e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, e->d_name);
		if (!stat(path, &st) && st.st_ino == ino) {
			snprintf(name, size, "%s", e->d_name);
			found = true;
		}
	}
	closedir(dir);
	return found;
}

static void partition_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
			    enum hv_view view)
{
	const struct nlattr *tb[NETVSP_A_PARTITION_MAX + 1];
	const struct nlattr *ino;
	char ns[NAME_MAX + 1];

	vsw_parse(nlh, partition_policy, NETVSP_A_PARTITION_MAX, tb);
	out_attr_str(ctx, "name", "", tb[NETVSP_A_PARTITION_NAME]);
	if (view == HV_VIEW_NAME)
		return;
	ino = tb[NETVSP_A_PARTITION_NETNS_INODE];
	if (ino && netns_name(mnl_attr_get_u32(ino), ns, sizeof(ns)))
		out_str(ctx, "netns", "netns", ns);
	if (tb[NETVSP_A_PARTITION_NETNS_ID]) {
		int32_t id = (int32_t)mnl_attr_get_u32(tb[NETVSP_A_PARTITION_NETNS_ID]);

		if (id >= 0)
			out_uint(ctx, "netns_id", "netns-id", id);
	}
	out_attr_uint(ctx, "netns_inode", "netns-inode", ino);
	out_attr_uint(ctx, "vmnic_count", "vmnics", tb[NETVSP_A_PARTITION_VMNIC_COUNT]);
	if (view == HV_VIEW_SHOW)
		out_eol(ctx);
}

/* A pid (all digits), a path (with a '/'), or a name under /run/netns. */
static int partition_netns(struct hv_ctx *ctx, const char *ns, struct nlmsghdr *nlh,
			   int *fd)
{
	char path[PATH_MAX];
	char *end;
	unsigned long pid;

	if (!*ns)
		return hv_usage(ctx, "netns is empty");
	if (strspn(ns, "0123456789") == strlen(ns)) {
		errno = 0;
		pid = strtoul(ns, &end, 10);
		if (errno || !pid || pid > INT32_MAX)
			return hv_usage(ctx, "invalid pid \"%s\"", ns);
		mnl_attr_put_u32(nlh, NETVSP_A_PARTITION_NETNS_PID, pid);
		return 0;
	}
	if (strchr(ns, '/'))
		snprintf(path, sizeof(path), "%s", ns);
	else
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, ns);
	*fd = open(path, O_RDONLY | O_CLOEXEC);
	if (*fd < 0) {
		fprintf(stderr, "hvnet: cannot open network namespace \"%s\": %s\n",
			path, strerror(errno));
		return HV_EXIT_FAIL;
	}
	mnl_attr_put_u32(nlh, NETVSP_A_PARTITION_NETNS_FD, *fd);
	return 0;
}

static int partition_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = netvsp_req(ctx, NETVSP_CMD_PARTITION_NEW, 0);
	const char *name, *ns, *kw;
	int ret, fd = -1;

	ret = arg_name(ctx, a, "NAME", &name);
	if (ret)
		return ret;
	kw = arg_next(a);
	if (!kw || !matches(kw, "netns"))
		return hv_usage(ctx, "missing \"netns { NETNS | PATH | PID }\"");
	ret = arg_value(ctx, a, "netns", &ns);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, NETVSP_A_PARTITION_NAME, name);
	ret = partition_netns(ctx, ns, nlh, &fd);
	if (ret)
		return ret;
	ret = netvsp_talk(ctx, nlh, NULL, NULL);
	if (fd >= 0)
		close(fd);
	return ret;
}

static int partition_del(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = netvsp_req(ctx, NETVSP_CMD_PARTITION_DEL, 0);
	const char *name;
	int ret;

	ret = arg_name(ctx, a, "NAME", &name);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, NETVSP_A_PARTITION_NAME, name);
	return netvsp_talk(ctx, nlh, NULL, NULL);
}

static int partition_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	const char *name = NULL;
	int ret;

	if (arg_peek(a)) {
		ret = arg_name(ctx, a, "NAME", &name);
		if (!ret)
			ret = arg_end(ctx, a);
		if (ret)
			return ret;
	}
	nlh = netvsp_req(ctx, NETVSP_CMD_PARTITION_GET, name ? 0 : NLM_F_DUMP);
	if (name)
		mnl_attr_put_strz(nlh, NETVSP_A_PARTITION_NAME, name);
	return hv_show_talk(ctx, nlh, netvsp_talk, partition_print, NULL, NULL);
}

static const struct hv_cmd partition_cmds[] = {
	{ "show", partition_show },
	{ "add", partition_add },
	{ "delete", partition_del },
};

const struct hv_object hv_partition_obj = {
	.name = "partition",
	.usage =
	"Usage: hvnet partition add NAME netns { NETNS | PATH | PID }\n"
	"       hvnet partition del NAME\n"
	"       hvnet partition [ show [ NAME ] ]\n"
	"where  NETNS is a name under /run/netns (as ip netns add makes it), PATH a\n"
	"       namespace file such as /proc/PID/ns/net, and PID a process in it\n",
	.cmds = partition_cmds,
	.ncmds = ARRAY_SIZE(partition_cmds),
};
