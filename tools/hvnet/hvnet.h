/* SPDX-License-Identifier: GPL-2.0 */
/* The hvnet command: shared state of one invocation and shared helpers. */
#ifndef HVNET_HVNET_H
#define HVNET_HVNET_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/hvnet_vswitch.h>

#include "json.h"
#include "nl.h"
#include "util.h"

struct hv_ctx {
	struct hv_nl nl;
	bool json;
	bool pretty;
	int stats;
	const struct hv_object *obj;	/* the object of this invocation */
	const char *cmd;		/* and its command */
	struct json jw;			/* JSON output */
	bool bol;			/* text output is at the beginning of a line */
	uint16_t vswitch;		/* the vswitch family, 0 until resolved */
	uint16_t netvsp;		/* the netvsp family, 0 until resolved */
};

/* Exit codes */
#define HV_EXIT_FAIL	1	/* the kernel refused, or a name did not resolve */
#define HV_EXIT_USAGE	2

/* Print a failed request's error (with the kernel's extack message). */
void hv_err(struct hv_ctx *ctx, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print a usage error and the object's grammar to stderr; returns 2. */
int hv_usage(struct hv_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- the words of the command line ---- */

struct hv_args {
	int argc;
	char **argv;
};

/* The next word, or NULL; arg_next() also consumes it. */
const char *arg_peek(const struct hv_args *a);
const char *arg_next(struct hv_args *a);
/*
 * The helpers below consume the value after keyword @kw and return 0, or
 * print why they could not and return the exit code.
 */
int arg_value(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	      const char **val);
int arg_uint(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     uint32_t max, uint32_t *val);
/* A switch or port name (1..63 bytes). */
int arg_name(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     const char **name);
/* A host netdev, resolved to its ifindex. */
int arg_dev(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	    uint32_t *ifindex);
int arg_mac(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	    uint8_t mac[HV_MAC_LEN]);
/* One of the names of @t (abbreviated or not): its value. */
int arg_enum(struct hv_ctx *ctx, struct hv_args *a, const char *kw,
	     const struct hv_names *t, uint32_t *val);
/* @word as one of @t's names: its index; a usage error names them all. */
int arg_lookup(struct hv_ctx *ctx, const char *what, const char *word,
	       const struct hv_names *t, int *idx);
/* The next word as one of @t's keywords (consumed): its index. */
int arg_keyword(struct hv_ctx *ctx, struct hv_args *a,
		const struct hv_names *t, int *idx);
/* A usage error unless every word was used. */
int arg_end(struct hv_ctx *ctx, const struct hv_args *a);

/*
 * Options: keyword-value pairs (or lone keywords) in any order, each at
 * most once. For each word of @opts, in @allowed (a bit per index), @fn
 * consumes its value; *seen gets the bits of those given.
 */
typedef int (*hv_opt_fn)(struct hv_ctx *ctx, struct hv_args *a, int opt,
			 void *data);
int arg_options(struct hv_ctx *ctx, struct hv_args *a,
		const struct hv_names *opts, unsigned int allowed,
		unsigned int *seen, hv_opt_fn fn, void *data);
#define HV_OPT(n)	(1u << (n))

/* ---- objects and their commands ---- */

struct hv_cmd {
	const char *name;
	int (*run)(struct hv_ctx *ctx, struct hv_args *a);
};

struct hv_object {
	const char *name;
	const char *usage;		/* its grammar */
	/* either one handler for all its words ... */
	int (*run)(struct hv_ctx *ctx, struct hv_args *a);
	/* ... or its commands; the first one runs when none is given */
	const struct hv_cmd *cmds;
	unsigned int ncmds;
};

extern const struct hv_object hv_info_obj;
extern const struct hv_object hv_switch_obj;
extern const struct hv_object hv_port_obj;
extern const struct hv_object hv_nic_obj;
extern const struct hv_object hv_fdb_obj;
extern const struct hv_object hv_monitor_obj;
extern const struct hv_object hv_ext_obj;
extern const struct hv_object hv_prop_obj;
extern const struct hv_object hv_bpf_obj;
extern const struct hv_object hv_capture_obj;
extern const struct hv_object hv_sfwd_obj;
extern const struct hv_object hv_acl_obj;
extern const struct hv_object hv_partition_obj;

/* ---- output: text (iproute2 style) or JSON, one function for both ---- */

/*
 * Each field has a JSON @key and a text @label: "label value" in text
 * (a bare value when @label is ""), "key": value in JSON. A NULL key or
 * label leaves the field out of that form.
 */
void out_str(struct hv_ctx *ctx, const char *key, const char *label,
	     const char *val);
void out_uint(struct hv_ctx *ctx, const char *key, const char *label,
	      uint64_t val);
/* A number written as text, such as "3.5" */
void out_number(struct hv_ctx *ctx, const char *key, const char *label,
		const char *val, const char *unit);
/* Text only; a space goes before it unless a line starts. */
void out_text(struct hv_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Start a text line @n spaces in. */
void out_indent(struct hv_ctx *ctx, int n);
/* End a text line. */
void out_eol(struct hv_ctx *ctx);
/* A nested JSON object or array; in text, @label if not NULL. */
void out_open(struct hv_ctx *ctx, const char *key, const char *label);
void out_close(struct hv_ctx *ctx);
void out_open_array(struct hv_ctx *ctx, const char *key);
void out_close_array(struct hv_ctx *ctx);

/* The same for attributes (left out when absent). */
void out_attr_str(struct hv_ctx *ctx, const char *key, const char *label,
		  const struct nlattr *attr);
void out_attr_uint(struct hv_ctx *ctx, const char *key, const char *label,
		   const struct nlattr *attr);
void out_attr_enum(struct hv_ctx *ctx, const char *key, const char *label,
		   const struct hv_names *t, const struct nlattr *attr);
void out_attr_mac(struct hv_ctx *ctx, const char *key, const char *label,
		  const struct nlattr *attr);
/*
 * A reference to an object: "label name" in text (its id when it has no
 * name); "key" (the name) and "key_id" in JSON.
 */
void out_ref(struct hv_ctx *ctx, const char *key, const char *label,
	     const struct nlattr *name, const struct nlattr *id);
/* With -s: a stats nest, as a block @indent spaces in or a "stats" object. */
void out_stats(struct hv_ctx *ctx, const struct nlattr *nest, int indent);

/* ---- the vswitch family ---- */

/* How to check one attribute of a reply: its type, or its exact length. */
struct vsw_policy {
	enum mnl_attr_data_type type;
	uint16_t len;	/* MNL_TYPE_BINARY: exact length */
};

/*
 * Index the attributes of a reply (or a nest) by type, keeping those that
 * pass @pol; tb has @max + 1 slots.
 */
void vsw_parse(const struct nlmsghdr *nlh, const struct vsw_policy *pol,
	       unsigned int max, const struct nlattr **tb);
void vsw_parse_nest(const struct nlattr *nest, const struct vsw_policy *pol,
		    unsigned int max, const struct nlattr **tb);
uint8_t vsw_cmd(const struct nlmsghdr *nlh);

/* Resolve the family (and its monitor group); says so when it is not loaded. */
int vsw_open(struct hv_ctx *ctx, uint32_t *monitor_group);

/* A request of the family in nl->req; its family id is set by vsw_talk(). */
struct nlmsghdr *vsw_req(struct hv_ctx *ctx, uint8_t cmd, uint16_t flags);
/* An object named by id and/or name (either may be 0/NULL). */
void vsw_put_ref(struct nlmsghdr *nlh, uint16_t id_type, uint16_t name_type,
		 uint32_t id, const char *name);
/*
 * Send a request and hand each reply to @cb; on failure print the
 * kernel's message and return 1.
 */
int vsw_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);

/* How much of an object a printer shows. */
enum hv_view {
	HV_VIEW_SHOW,	/* a show command: the object with its nested blocks */
	HV_VIEW_NESTED,	/* inside its parent's block */
	HV_VIEW_EVENT,	/* one monitor line */
	HV_VIEW_NAME,	/* one monitor line: what the object is, no more */
};

typedef void (*hv_print_fn)(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
			    enum hv_view view);

/* How a family sends a request: vsw_talk(), netvsp_talk(). */
typedef int (*hv_talk_fn)(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb,
			  void *data);
/*
 * Send a get or dump through @talk and print the replies @match accepts
 * (all when NULL), as a JSON array with -j.
 */
int hv_show_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_talk_fn talk,
		 hv_print_fn print,
		 bool (*match)(const struct nlmsghdr *nlh, const void *data),
		 const void *data);
/* Send a get or dump and print the replies (a JSON array). */
int vsw_show(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_print_fn print);
/* The same, printing only the replies @match accepts. */
int vsw_show_match(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_print_fn print,
		   bool (*match)(const struct nlmsghdr *nlh, const void *data),
		   const void *data);

/* The printers of the family's objects, also used by the monitor. */
void switch_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
		  enum hv_view view);
void port_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
		enum hv_view view);
void nic_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
	       enum hv_view view);
void fdb_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
	       enum hv_view view);

/* NICs nested in a port: parse one, print one. */
void nic_parse_nest(const struct nlattr *nest, const struct nlattr **tb);
void nic_print_nest(struct hv_ctx *ctx, const struct nlattr *nest);
/* Send nic-connect, nic-disconnect or nic-del for one NIC of a port. */
int nic_request(struct hv_ctx *ctx, uint8_t cmd, const char *sw,
		const char *port, uint32_t index);

/* Extensions and custom properties (ext.c, prop.c) */
void ext_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh, enum hv_view view);
void prop_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh, enum hv_view view);
int prop_request(struct hv_ctx *ctx, uint8_t cmd, const char *sw, const char *port,
		 uint32_t id, uint32_t instance, uint32_t version, const void *data,
		 size_t len);

/* A custom property as a vswitch message carries it; absent numbers are 0. */
struct hv_prop {
	const struct nlattr *tb[VSWITCH_A_PROP_MAX + 1];
	const char *port;		/* NULL: the switch's own */
	uint32_t port_id;		/* 0: the switch's own */
	uint32_t id, instance, version;
	const void *data;
	uint16_t len;
};

/* Parse a property message: false when it carries no property id. */
bool prop_parse(const struct nlmsghdr *nlh, struct hv_prop *p);
/* A dump request of @sw's properties (@port's only, if not NULL). */
struct nlmsghdr *prop_dump_req(struct hv_ctx *ctx, const char *sw, const char *port);

/* ---- the netvsp family (netvsp.c) ---- */

/* A request of the family in nl->req; its family id is set by netvsp_talk(). */
struct nlmsghdr *netvsp_req(struct hv_ctx *ctx, uint8_t cmd, uint16_t flags);
/* As vsw_talk(), for the netvsp family. */
int netvsp_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);

#endif /* HVNET_HVNET_H */
