// SPDX-License-Identifier: GPL-2.0
/* `hvnet monitor`: print the vswitch family's notifications as they come. */
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

/* How each notification is printed: the object it is about, and how much. */
static const struct monitor_event {
	hv_print_fn print;
	enum hv_view view;
} monitor_events[] = {
	[VSWITCH_CMD_SWITCH_NEW] = { switch_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_SWITCH_DEL] = { switch_print, HV_VIEW_NAME },
	[VSWITCH_CMD_SWITCH_SET] = { switch_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_PORT_NEW] = { port_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_PORT_DEL] = { port_print, HV_VIEW_NAME },
	[VSWITCH_CMD_PORT_SET] = { port_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_NIC_NEW] = { nic_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_NIC_CONNECT] = { nic_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_NIC_DISCONNECT] = { nic_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_NIC_DEL] = { nic_print, HV_VIEW_NAME },
	[VSWITCH_CMD_FDB_ADD] = { fdb_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_FDB_DEL] = { fdb_print, HV_VIEW_NAME },
	[VSWITCH_CMD_FDB_FLUSH] = { fdb_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_EXT_SET] = { ext_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_PROP_NEW] = { prop_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_PROP_SET] = { prop_print, HV_VIEW_EVENT },
	[VSWITCH_CMD_PROP_DEL] = { prop_print, HV_VIEW_NAME },
};

/* One line per notification: "port-del vs0 p1", or one JSON object. */
static int monitor_cb(const struct nlmsghdr *nlh, void *data)
{
	struct hv_ctx *ctx = data;
	const struct monitor_event *ev = NULL;
	const char *name;
	char unknown[16];
	uint8_t cmd;

	if (nlh->nlmsg_type != ctx->vswitch ||
	    nlh->nlmsg_len < mnl_nlmsg_size(GENL_HDRLEN))
		return MNL_CB_OK;
	cmd = vsw_cmd(nlh);
	name = hv_name(&hv_vswitch_cmds, cmd);
	if (!name) {
		snprintf(unknown, sizeof(unknown), "cmd-%u", cmd);
		name = unknown;
	}
	if (cmd < ARRAY_SIZE(monitor_events) && monitor_events[cmd].print)
		ev = &monitor_events[cmd];
	if (ctx->json) {
		json_init(&ctx->jw, stdout, ctx->pretty);
		json_open_object(&ctx->jw, NULL);
		json_string(&ctx->jw, "event", name);
	} else {
		out_text(ctx, "%s", name);
	}
	if (ev)
		ev->print(ctx, nlh, ev->view);
	if (ctx->json) {
		json_close_object(&ctx->jw);
		json_end(&ctx->jw);
	} else {
		out_eol(ctx);
		fflush(stdout);
	}
	return MNL_CB_OK;
}

static int monitor_run(struct hv_ctx *ctx, struct hv_args *a)
{
	int rcvbuf = 1 << 20;
	uint32_t group;
	int ret;

	ret = arg_end(ctx, a);
	if (ret)
		return ret;
	ret = vsw_open(ctx, &group);
	if (ret)
		return ret;
	if (!group) {
		fprintf(stderr,
			"hvnet: the loaded vswitch module has no \"%s\" group (see hvnet info)\n",
			VSWITCH_MCGRP_MONITOR);
		return HV_EXIT_FAIL;
	}
	/* best effort: room for bursts, such as a switch deleted with its ports */
	setsockopt(mnl_socket_get_fd(ctx->nl.sock), SOL_SOCKET, SO_RCVBUF,
		   &rcvbuf, sizeof(rcvbuf));
	ret = nl_join(&ctx->nl, group);
	if (ret) {
		hv_err(ctx, ret, "joining the %s group", VSWITCH_MCGRP_MONITOR);
		return HV_EXIT_FAIL;
	}
	for (;;) {
		ret = nl_listen(&ctx->nl, monitor_cb, ctx);
		if (ret != -ENOBUFS)
			break;
		fprintf(stderr, "hvnet: monitor: notifications were lost (receive buffer full)\n");
	}
	hv_err(ctx, ret, "monitor");
	return HV_EXIT_FAIL;
}

const struct hv_object hv_monitor_obj = {
	.name = "monitor",
	.usage =
	"Usage: hvnet monitor\n"
	"       (one line per change of a switch, port, NIC or forwarding entry)\n",
	.run = monitor_run,
};
