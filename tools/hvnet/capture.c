// SPDX-License-Identifier: GPL-2.0
/*
 * `hvnet capture`: which ports of a switch the capture extension copies,
 * and the netdev it copies them to. The directions are the extension's
 * custom port property (include/uapi/linux/hvnet_ext_capture.h); the
 * netdev is found over rtnetlink by its kind and switch.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/hvnet_vswitch.h>
#include <linux/hvnet_ext_capture.h>

#include "hvnet.h"

/* The words of the directions, by their flags */
static const char *const capture_dir_names[] = {
	[0] = "none",
	[HVNET_CAPTURE_INGRESS] = "in",
	[HVNET_CAPTURE_EGRESS] = "out",
	[HVNET_CAPTURE_DIRECTIONS] = "both",
};

static const struct hv_names capture_dirs = {
	capture_dir_names, ARRAY_SIZE(capture_dir_names)
};

/* A property reply that is a port's capture property: its directions. */
static bool capture_prop_parse(const struct nlmsghdr *nlh, struct hv_prop *prop,
			       uint32_t *dirs)
{
	struct hvnet_capture_prop p;

	if (!prop_parse(nlh, prop) || prop->id != HVNET_CAPTURE_PROP_ID || !prop->port_id ||
	    prop->instance || prop->len != sizeof(p))
		return false;
	memcpy(&p, prop->data, sizeof(p));
	*dirs = p.directions & HVNET_CAPTURE_DIRECTIONS;
	return true;
}

/* A dump of the switch's (or one port's) properties to @cb. */
static int capture_prop_dump(struct hv_ctx *ctx, const char *sw, const char *port,
			     mnl_cb_t cb, void *data)
{
	return vsw_talk(ctx, prop_dump_req(ctx, sw, port), cb, data);
}

/* ---- the capture netdev, over rtnetlink ---- */

struct capture_dev_find {
	const char *sw;
	char ifname[IFNAMSIZ];
};

static int capture_dev_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *info = NULL, *kind = NULL, *idata = NULL, *name = NULL;
	struct capture_dev_find *find = data;
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct ifinfomsg)) {
		if (mnl_attr_get_type(attr) == IFLA_IFNAME &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			name = attr;
		else if (mnl_attr_get_type(attr) == IFLA_LINKINFO &&
			 mnl_attr_validate(attr, MNL_TYPE_NESTED) == 0)
			info = attr;
	}
	if (!info || !name)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(attr, info) {
		if (mnl_attr_get_type(attr) == IFLA_INFO_KIND &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			kind = attr;
		else if (mnl_attr_get_type(attr) == IFLA_INFO_DATA &&
			 mnl_attr_validate(attr, MNL_TYPE_NESTED) == 0)
			idata = attr;
	}
	if (!kind || strcmp(mnl_attr_get_str(kind), HVNET_CAPTURE_KIND) || !idata)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(attr, idata) {
		if (mnl_attr_get_type(attr) == IFLA_HVNET_CAPTURE_SWITCH &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0 &&
		    !strcmp(mnl_attr_get_str(attr), find->sw))
			snprintf(find->ifname, sizeof(find->ifname), "%s",
				 mnl_attr_get_str(name));
	}
	return MNL_CB_OK;
}

/* The name of @sw's capture netdev into find->ifname ("" if none). */
static int capture_dev_find(struct capture_dev_find *find)
{
	static char buf[NL_RECV_SIZE];
	unsigned int seq = time(NULL), portid;
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	struct nlattr *nest;
	int ret;

	find->ifname[0] = '\0';
	nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		ret = -errno;
		goto out;
	}
	portid = mnl_socket_get_portid(nl);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	/* the kernel leaves out the netdevs of other kinds */
	nest = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, HVNET_CAPTURE_KIND);
	mnl_attr_nest_end(nlh, nest);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		ret = -errno;
		goto out;
	}
	do {
		ret = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (ret < 0) {
			ret = -errno;
			goto out;
		}
		ret = mnl_cb_run(buf, ret, seq, portid, capture_dev_cb, find);
	} while (ret > MNL_CB_STOP);
	ret = ret < 0 ? -errno : 0;
out:
	mnl_socket_close(nl);
	return ret;
}

/* ---- capture show ---- */

struct capture_show_ctx {
	struct hv_ctx *ctx;
	unsigned int ports;
};

static int capture_show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct capture_show_ctx *show = data;
	struct hv_ctx *ctx = show->ctx;
	struct hv_prop prop;
	uint32_t dirs;

	if (!capture_prop_parse(nlh, &prop, &dirs))
		return MNL_CB_OK;
	show->ports++;
	if (ctx->json)
		json_open_object(&ctx->jw, NULL);
	else
		out_indent(ctx, 4);
	out_ref(ctx, "port", "port", prop.tb[VSWITCH_A_PROP_PORT_NAME],
		prop.tb[VSWITCH_A_PROP_PORT_ID]);
	out_str(ctx, "dir", "dir", hv_name(&capture_dirs, dirs));
	if (ctx->json)
		json_close_object(&ctx->jw);
	out_eol(ctx);
	return MNL_CB_OK;
}

/*
 * "switch SW dev hvcap0", then a line per captured port:
 * "    port p1 dir both".
 */
static int capture_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct capture_show_ctx show = { .ctx = ctx };
	struct capture_dev_find find;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &find.sw);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	ret = capture_dev_find(&find);
	if (ret) {
		hv_err(ctx, ret, "listing the netdevs");
		return HV_EXIT_FAIL;
	}
	if (ctx->json)
		json_open_object(&ctx->jw, NULL);
	out_str(ctx, "switch", "switch", find.sw);
	if (find.ifname[0])
		out_str(ctx, "dev", "dev", find.ifname);
	else if (!ctx->json)
		out_text(ctx, "dev none (capture is not enabled)");
	out_eol(ctx);
	out_open_array(ctx, "ports");
	ret = capture_prop_dump(ctx, find.sw, NULL, capture_show_cb, &show);
	out_close_array(ctx);
	if (ctx->json) {
		json_close_object(&ctx->jw);
		json_end(&ctx->jw);
	}
	fflush(stdout);
	return ret;
}

/* ---- capture set ---- */

static int capture_get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct hv_prop prop;
	uint32_t dirs;

	if (capture_prop_parse(nlh, &prop, &dirs))
		*(int *)data = dirs;
	return MNL_CB_OK;
}

/* capture set SWITCH PORT dir in|out|both|none */
static int capture_set(struct hv_ctx *ctx, struct hv_args *a)
{
	struct hvnet_capture_prop p = { 0 };
	const char *sw, *port;
	int ret, cur = -1;
	uint32_t dirs;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_name(ctx, a, "PORT", &port);
	if (ret)
		return ret;
	if (!arg_peek(a) || !matches(arg_next(a), "dir"))
		return hv_usage(ctx, "missing \"dir in|out|both|none\"");
	ret = arg_enum(ctx, a, "dir", &capture_dirs, &dirs);
	if (!ret)
		ret = arg_end(ctx, a);
	if (!ret)
		ret = capture_prop_dump(ctx, sw, port, capture_get_cb, &cur);
	if (ret)
		return ret;
	if (!dirs)	/* none: no property at all */
		return cur < 0 ? 0 : prop_request(ctx, VSWITCH_CMD_PROP_DEL, sw, port,
						  HVNET_CAPTURE_PROP_ID, 0, 0, NULL, 0);
	p.directions = dirs;
	return prop_request(ctx, cur < 0 ? VSWITCH_CMD_PROP_NEW : VSWITCH_CMD_PROP_SET,
			    sw, port, HVNET_CAPTURE_PROP_ID, 0,
			    HVNET_CAPTURE_PROP_VERSION, &p, sizeof(p));
}

static const struct hv_cmd capture_cmds[] = {
	{ "show", capture_show },
	{ "set", capture_set },
};

const struct hv_object hv_capture_obj = {
	.name = "capture",
	.usage =
	"Usage: hvnet capture show SWITCH\n"
	"       hvnet capture set SWITCH PORT dir { in | out | both | none }\n"
	"The capture extension (hvnet ext enable SWITCH capture) copies what a\n"
	"port sends (in) and receives (out) to the switch's capture netdev.\n",
	.cmds = capture_cmds,
	.ncmds = ARRAY_SIZE(capture_cmds),
};
