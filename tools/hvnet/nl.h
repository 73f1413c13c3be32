/* SPDX-License-Identifier: GPL-2.0 */
/* Generic netlink plumbing of the hvnet command (libmnl). */
#ifndef HVNET_NL_H
#define HVNET_NL_H

#include <stdint.h>
#include <libmnl/libmnl.h>

/* Large enough for any reply and any dump part the kernel builds. */
#define NL_RECV_SIZE	32768
#define NL_REQ_SIZE	8192

struct hv_nl {
	struct mnl_socket *sock;
	unsigned int portid;
	unsigned int seq;
	char *buf;		/* receive buffer, NL_RECV_SIZE */
	char *req;		/* the request being built, NL_REQ_SIZE */
	char ext_msg[256];	/* the kernel's extack message of the last error */
};

int nl_open(struct hv_nl *nl);
void nl_close(struct hv_nl *nl);

/*
 * Resolve a generic netlink family and, if @group is not NULL, one of its
 * multicast groups (*group_id stays 0 when the family has no such group).
 * Returns 0, or -ENOENT when the family is not registered.
 */
int nl_family(struct hv_nl *nl, const char *name, uint16_t *id,
	      const char *group, uint32_t *group_id);
int nl_family_id(struct hv_nl *nl, const char *name, uint16_t *id);

/* Start a request in nl->req. */
struct nlmsghdr *nl_req(struct hv_nl *nl, uint16_t family, uint8_t cmd,
			uint16_t flags);

/*
 * Send a request and read replies until its ACK or the end of its dump,
 * calling @cb for each reply. Returns 0 or a negative errno; on error
 * nl->ext_msg holds the kernel's extack message, if it sent one (for a
 * failed dump too).
 */
int nl_talk(struct hv_nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data);

/* Join a multicast group, then hand every message that arrives to @cb. */
int nl_join(struct hv_nl *nl, uint32_t group);
/*
 * Returns only on an error (negative errno) or when @cb returns
 * MNL_CB_STOP (0). -ENOBUFS means messages were lost; listening again is
 * fine.
 */
int nl_listen(struct hv_nl *nl, mnl_cb_t cb, void *data);

#endif /* HVNET_NL_H */
