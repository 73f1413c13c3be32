/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw generic netlink for selftests: build requests byte by byte (so tests
 * can send malformed ones) and read back the error, the extack message and
 * the reply. No library: what goes on the wire is what the test wrote.
 */
#ifndef HVNET_SELFTESTS_GENL_RAW_H
#define HVNET_SELFTESTS_GENL_RAW_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#define GENL_RAW_BUF 16384

struct genl_req {
	union {
		struct nlmsghdr nlh;
		char buf[GENL_RAW_BUF];
	};
};

struct genl_ans {
	int error;		/* 0 or a negative errno from the ACK */
	char ext_msg[256];	/* extack message, "" if none */
	bool has_bad_attr;	/* extack pointed at an attribute */
	uint32_t bad_attr_off;	/* its offset in the request */
	bool has_policy;	/* extack carried the policy it failed */
	bool has_miss_type;	/* extack named a missing attribute */
	uint32_t miss_type;	/* its type */
	bool done;		/* a dump's NLMSG_DONE ended the answer */
	int nreplies;		/* replies before the ACK */
	int reply_len;		/* the first reply, whole */
	union {
		struct nlmsghdr reply;
		char reply_buf[GENL_RAW_BUF];
	};
};

int genl_open(void);
/* the family's id, or a negative errno (-ENOENT: not registered) */
int genl_resolve(int fd, const char *name);
struct genlmsghdr *genl_req_init(struct genl_req *req, uint16_t family,
				 uint8_t cmd, uint16_t flags);
void genl_put_attr(struct genl_req *req, uint16_t type, const void *data,
		   uint16_t len);
void genl_put_u32(struct genl_req *req, uint16_t type, uint32_t v);
void genl_put_u16(struct genl_req *req, uint16_t type, uint16_t v);
void genl_put_str(struct genl_req *req, uint16_t type, const char *s);
void genl_put_flag(struct genl_req *req, uint16_t type);
/* send the request (with NLM_F_ACK) and read until its ACK */
int genl_exchange(int fd, struct genl_req *req, struct genl_ans *ans);
/*
 * Send a request, do or dump (NLM_F_DUMP in its flags), with NLM_F_ACK and
 * read until its ACK or, for a dump, its NLMSG_DONE (its errno and extack
 * message in @ans, ans->done set).
 */
int genl_call(int fd, struct genl_req *req, struct genl_ans *ans);
/*
 * Send a dump request and call @cb for every reply message; returns 0 or
 * the dump's error.
 */
int genl_dump(int fd, struct genl_req *req,
	      void (*cb)(const struct nlmsghdr *nlh, void *data), void *data);
/* an attribute of the first reply, or NULL */
const struct nlattr *genl_reply_attr(const struct genl_ans *ans, uint16_t type);

#endif /* HVNET_SELFTESTS_GENL_RAW_H */
