// SPDX-License-Identifier: GPL-2.0
/*
 * `hvnet bpf`: tc BPF programs on switch ports, run by the bpf extension
 * (vswitch_bpf). attach loads a program from an object file with libbpf
 * and sends its fd, id, tag and name in the extension's custom port
 * property (linux/hvnet_ext_bpf.h); the extension takes its own reference
 * on the program before the request returns, so the program lives on
 * after this command exits. show reads the properties back.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/genetlink.h>
#include <linux/hvnet_ext_bpf.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

/*
 * libbpf is opened when a program is attached, not linked: every other
 * command would pay its dynamic linking (and libelf's, libz's) at start.
 */
static struct {
	typeof(bpf_object__open_file) *open_file;
	typeof(bpf_object__load) *load;
	typeof(bpf_object__close) *close;
	typeof(bpf_object__next_program) *next_program;
	typeof(bpf_program__fd) *prog_fd;
	typeof(bpf_program__name) *prog_name;
	typeof(bpf_program__section_name) *section_name;
	typeof(bpf_program__set_autoload) *set_autoload;
	typeof(bpf_program__type) *prog_type;
	typeof(libbpf_get_error) *get_error;
	typeof(libbpf_set_print) *set_print;
	typeof(bpf_obj_get_info_by_fd) *get_info;
} lbpf;

#define LIBBPF_SONAME	"libbpf.so.1"

/* Open libbpf and find what attach uses: 0, or -1 after saying why. */
static int bpf_lib_open(void)
{
	static const struct {
		const char *name;
		size_t off;
	} syms[] = {
#define SYM(field, name) { #name, offsetof(typeof(lbpf), field) }
		SYM(open_file, bpf_object__open_file),
		SYM(load, bpf_object__load),
		SYM(close, bpf_object__close),
		SYM(next_program, bpf_object__next_program),
		SYM(prog_fd, bpf_program__fd),
		SYM(prog_name, bpf_program__name),
		SYM(section_name, bpf_program__section_name),
		SYM(set_autoload, bpf_program__set_autoload),
		SYM(prog_type, bpf_program__type),
		SYM(get_error, libbpf_get_error),
		SYM(set_print, libbpf_set_print),
		SYM(get_info, bpf_obj_get_info_by_fd),
#undef SYM
	};
	void *lib, *fn;
	size_t i;

	if (lbpf.open_file)
		return 0;
	lib = dlopen(LIBBPF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		fprintf(stderr, "hvnet: attaching a program needs libbpf: %s\n", dlerror());
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(syms); i++) {
		fn = dlsym(lib, syms[i].name);
		if (!fn) {
			fprintf(stderr, "hvnet: %s has no %s\n", LIBBPF_SONAME, syms[i].name);
			return -1;
		}
		memcpy((char *)&lbpf + syms[i].off, &fn, sizeof(fn));
	}
	return 0;
}

/* From here on the libbpf calls go through what bpf_lib_open() found. */
#define bpf_object__open_file		(lbpf.open_file)
#define bpf_object__load		(lbpf.load)
#define bpf_object__close		(lbpf.close)
#define bpf_object__next_program	(lbpf.next_program)
#define bpf_program__fd			(lbpf.prog_fd)
#define bpf_program__name		(lbpf.prog_name)
#define bpf_program__section_name	(lbpf.section_name)
#define bpf_program__set_autoload	(lbpf.set_autoload)
#define bpf_program__type		(lbpf.prog_type)
#define libbpf_get_error		(lbpf.get_error)
#define libbpf_set_print		(lbpf.set_print)
#define bpf_obj_get_info_by_fd		(lbpf.get_info)

static const char *const bpf_dir_names[] = {
	[HVNET_EXT_BPF_DIR_IN] = "in",
	[HVNET_EXT_BPF_DIR_OUT] = "out",
};

static const struct hv_names bpf_dirs = { bpf_dir_names, ARRAY_SIZE(bpf_dir_names) };

/* A bpf property of a port, of any layout. */
static bool bpf_prop_is(const struct hv_prop *prop)
{
	return prop->id == HVNET_EXT_BPF_PROP_ID && prop->port_id;
}

/*
 * The attachment a property describes: 0, or -1 when it is not a bpf
 * property of a port or its layout is not the one known here.
 */
static int bpf_prop_parse(const struct hv_prop *prop, struct hvnet_ext_bpf_prop *p)
{
	if (!bpf_prop_is(prop) || prop->version != HVNET_EXT_BPF_PROP_VERSION ||
	    prop->len != sizeof(*p))
		return -1;
	memcpy(p, prop->data, sizeof(*p));
	return 0;
}

/* ---- show ---- */

/* Whether the extension runs on the switch shown (it then holds every program). */
static bool bpf_enabled;

static bool bpf_prop_match(const struct nlmsghdr *nlh, const void *data)
{
	struct hv_prop prop;

	(void)data;
	return prop_parse(nlh, &prop) && bpf_prop_is(&prop);
}

/*
 * "port PORT dir in prog ID name NAME tag TAG active|inactive"; a property
 * of another layout shows its instance and version only.
 */
static void bpf_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh, enum hv_view view)
{
	char name[HVNET_EXT_BPF_NAME_LEN + 1];
	char tag[2 * HVNET_EXT_BPF_TAG_SIZE + 1];
	const struct nlattr **tb;
	struct hvnet_ext_bpf_prop p;
	struct hv_prop prop;
	unsigned int i;

	(void)view;
	prop_parse(nlh, &prop);
	tb = prop.tb;
	out_ref(ctx, "port", "port", tb[VSWITCH_A_PROP_PORT_NAME], tb[VSWITCH_A_PROP_PORT_ID]);
	if (bpf_prop_parse(&prop, &p)) {
		out_attr_uint(ctx, "instance", "instance", tb[VSWITCH_A_PROP_INSTANCE]);
		out_attr_uint(ctx, "version", "version", tb[VSWITCH_A_PROP_VERSION]);
		out_str(ctx, "error", "", "(a layout this hvnet does not know)");
		out_eol(ctx);
		return;
	}
	out_str(ctx, "dir", "dir", hv_name(&bpf_dirs, p.dir) ?: "?");
	out_uint(ctx, "prog", "prog", p.prog_id);
	memcpy(name, p.name, sizeof(p.name));
	name[sizeof(p.name)] = '\0';
	if (name[0])
		out_str(ctx, "name", "name", name);
	for (i = 0; i < sizeof(p.tag); i++)
		sprintf(tag + 2 * i, "%02x", p.tag[i]);
	out_str(ctx, "tag", "tag", tag);
	if (ctx->stats || ctx->json)
		out_uint(ctx, "instance", "instance", prop.instance);
	if (ctx->json)
		json_bool(&ctx->jw, "active", bpf_enabled);
	else
		out_text(ctx, "%s", bpf_enabled ? "active" : "inactive");
	out_eol(ctx);
}

static int bpf_ext_cb(const struct nlmsghdr *nlh, void *data)
{
	static const struct vsw_policy ext_policy[VSWITCH_A_EXT_MAX + 1] = {
		[VSWITCH_A_EXT_ENABLED] = { MNL_TYPE_U8 },
	};
	const struct nlattr *tb[VSWITCH_A_EXT_MAX + 1];
	bool *enabled = data;

	vsw_parse(nlh, ext_policy, VSWITCH_A_EXT_MAX, tb);
	*enabled = tb[VSWITCH_A_EXT_ENABLED] && mnl_attr_get_u8(tb[VSWITCH_A_EXT_ENABLED]);
	return MNL_CB_OK;
}

/*
 * Whether the bpf extension is enabled on @sw: false when it is not, or
 * not registered at all (vswitch_bpf not loaded).
 */
static int bpf_ext_enabled(struct hv_ctx *ctx, const char *sw, bool *enabled)
{
	struct nlmsghdr *nlh;
	int ret;

	*enabled = false;
	ret = vsw_open(ctx, NULL);
	if (ret)
		return ret;
	nlh = vsw_req(ctx, VSWITCH_CMD_EXT_GET, 0);
	mnl_attr_put_strz(nlh, VSWITCH_A_EXT_SWITCH_NAME, sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_EXT_NAME, HVNET_EXT_BPF_NAME);
	nlh->nlmsg_type = ctx->vswitch;
	nl_talk(&ctx->nl, nlh, bpf_ext_cb, enabled);
	return 0;
}

static int bpf_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	const char *sw;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_end(ctx, a);
	if (!ret)
		ret = bpf_ext_enabled(ctx, sw, &bpf_enabled);
	if (ret)
		return ret;
	nlh = prop_dump_req(ctx, sw, NULL);
	return vsw_show_match(ctx, nlh, bpf_print, bpf_prop_match, NULL);
}

/* ---- finding a port's property for one direction ---- */

struct bpf_find {
	uint8_t dir;
	bool found;
	uint32_t instance;	/* of the property found */
	uint64_t used;		/* instances 0..63 taken by bpf properties */
};

static int bpf_find_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bpf_find *f = data;
	struct hvnet_ext_bpf_prop p;
	struct hv_prop prop;

	if (!prop_parse(nlh, &prop) || prop.id != HVNET_EXT_BPF_PROP_ID)
		return MNL_CB_OK;
	if (prop.instance < 64)
		f->used |= 1ull << prop.instance;
	if (!bpf_prop_parse(&prop, &p) && p.dir == f->dir && !f->found) {
		f->found = true;
		f->instance = prop.instance;
	}
	return MNL_CB_OK;
}

/* The bpf properties of port @port of @sw: which one is for @f->dir. */
static int bpf_find(struct hv_ctx *ctx, const char *sw, const char *port, struct bpf_find *f)
{
	return vsw_talk(ctx, prop_dump_req(ctx, sw, port), bpf_find_cb, f);
}

/* ---- attach and detach ---- */

enum { BPF_DIR, BPF_OBJ, BPF_SEC, BPF_PROG };

static const char *const bpf_opt_names[] = {
	[BPF_DIR] = "dir",
	[BPF_OBJ] = "obj",
	[BPF_SEC] = "sec",
	[BPF_PROG] = "prog",
};

static const struct hv_names bpf_opts = { bpf_opt_names, ARRAY_SIZE(bpf_opt_names) };

struct bpf_args {
	const char *sw, *port;
	uint32_t dir;
	const char *obj, *sec, *prog;
};

static int bpf_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct bpf_args *b = data;

	switch (opt) {
	case BPF_DIR:
		return arg_enum(ctx, a, "dir", &bpf_dirs, &b->dir);
	case BPF_OBJ:
		return arg_value(ctx, a, "obj", &b->obj);
	case BPF_SEC:
		return arg_value(ctx, a, "sec", &b->sec);
	default:
		return arg_value(ctx, a, "prog", &b->prog);
	}
}

/* SWITCH PORT, then the options in @allowed; "dir" is always needed. */
static int bpf_parse_args(struct hv_ctx *ctx, struct hv_args *a, unsigned int allowed,
			  unsigned int *seen, struct bpf_args *b)
{
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &b->sw);
	if (!ret)
		ret = arg_name(ctx, a, "PORT", &b->port);
	if (!ret)
		ret = arg_options(ctx, a, &bpf_opts, allowed | HV_OPT(BPF_DIR), seen,
				  bpf_opt, b);
	if (!ret && !(*seen & HV_OPT(BPF_DIR)))
		ret = hv_usage(ctx, "missing \"dir in|out\"");
	return ret;
}

/* libbpf's warnings (a verifier log among them) on stderr, not its chatter */
static int bpf_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

/*
 * The program to attach from @obj: by name, by section, or the first
 * sched_cls one. Returns NULL after saying why.
 */
static struct bpf_program *bpf_pick(struct bpf_object *obj, const struct bpf_args *b)
{
	struct bpf_program *p;

	bpf_object__for_each_program(p, obj) {
		if (b->prog ? !strcmp(bpf_program__name(p), b->prog) :
		    b->sec ? !strcmp(bpf_program__section_name(p), b->sec) :
		    bpf_program__type(p) == BPF_PROG_TYPE_SCHED_CLS)
			return p;
	}
	if (b->prog)
		fprintf(stderr, "hvnet: %s has no program named \"%s\"\n", b->obj, b->prog);
	else if (b->sec)
		fprintf(stderr, "hvnet: %s has no program in section \"%s\"\n", b->obj, b->sec);
	else
		fprintf(stderr, "hvnet: %s has no tc (sched_cls) program\n", b->obj);
	return NULL;
}

/* Load the chosen program of @b->obj; fill the property that names it. */
static int bpf_load(const struct bpf_args *b, struct bpf_object **objp,
		    struct hvnet_ext_bpf_prop *p)
{
	struct bpf_prog_info info;
	uint32_t len = sizeof(info);
	struct bpf_program *prog, *q;
	struct bpf_object *obj;
	int err;

	if (bpf_lib_open())
		return HV_EXIT_FAIL;
	libbpf_set_print(bpf_libbpf_print);
	obj = bpf_object__open_file(b->obj, NULL);
	err = libbpf_get_error(obj);
	if (err) {
		fprintf(stderr, "hvnet: %s: %s\n", b->obj, strerror(-err));
		return HV_EXIT_FAIL;
	}
	*objp = obj;
	prog = bpf_pick(obj, b);
	if (!prog)
		return HV_EXIT_FAIL;
	/* only the program attached is loaded */
	bpf_object__for_each_program(q, obj)
		bpf_program__set_autoload(q, q == prog);
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "hvnet: %s: loading %s failed: %s\n", b->obj,
			bpf_program__name(prog), strerror(-err));
		return HV_EXIT_FAIL;
	}
	memset(&info, 0, sizeof(info));
	err = bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len);
	if (err) {
		fprintf(stderr, "hvnet: %s: no information on %s: %s\n", b->obj,
			bpf_program__name(prog), strerror(errno));
		return HV_EXIT_FAIL;
	}
	memset(p, 0, sizeof(*p));
	p->fd = bpf_program__fd(prog);
	p->prog_id = info.id;
	memcpy(p->tag, info.tag, sizeof(p->tag));
	memcpy(p->name, info.name, sizeof(p->name));
	return 0;
}

/*
 * Attach: a new property for the direction, or a new value for the one it
 * has (the program is replaced, the direction never left unfiltered).
 */
static int bpf_attach(struct hv_ctx *ctx, struct hv_args *a)
{
	struct bpf_args b = { NULL };
	struct bpf_object *obj = NULL;
	struct hvnet_ext_bpf_prop p;
	struct bpf_find f = { 0 };
	unsigned int seen;
	uint32_t instance;
	int ret;

	ret = bpf_parse_args(ctx, a, HV_OPT(BPF_OBJ) | HV_OPT(BPF_SEC) | HV_OPT(BPF_PROG),
			     &seen, &b);
	if (ret)
		return ret;
	if (!b.obj)
		return hv_usage(ctx, "missing \"obj FILE\"");
	if (b.sec && b.prog)
		return hv_usage(ctx, "\"sec\" and \"prog\" both choose the program: give one");
	f.dir = b.dir;
	ret = bpf_find(ctx, b.sw, b.port, &f);
	if (ret)
		return ret;
	ret = bpf_load(&b, &obj, &p);
	if (!ret) {
		p.dir = b.dir;
		/* a new property takes the direction as its instance, if free */
		for (instance = b.dir; !f.found && instance < 64 &&
		     (f.used & (1ull << instance)); instance++)
			;
		ret = prop_request(ctx, f.found ? VSWITCH_CMD_PROP_SET : VSWITCH_CMD_PROP_NEW,
				   b.sw, b.port, HVNET_EXT_BPF_PROP_ID,
				   f.found ? f.instance : instance,
				   HVNET_EXT_BPF_PROP_VERSION, &p, sizeof(p));
	}
	/* the extension holds its own reference by now */
	bpf_object__close(obj);
	return ret;
}

static int bpf_detach(struct hv_ctx *ctx, struct hv_args *a)
{
	struct bpf_args b = { NULL };
	struct bpf_find f = { 0 };
	unsigned int seen;
	int ret;

	ret = bpf_parse_args(ctx, a, 0, &seen, &b);
	if (ret)
		return ret;
	f.dir = b.dir;
	ret = bpf_find(ctx, b.sw, b.port, &f);
	if (ret)
		return ret;
	if (!f.found) {
		fprintf(stderr, "hvnet: port %s of %s has no bpf program for dir %s\n",
			b.port, b.sw, bpf_dir_names[b.dir]);
		return HV_EXIT_FAIL;
	}
	return prop_request(ctx, VSWITCH_CMD_PROP_DEL, b.sw, b.port, HVNET_EXT_BPF_PROP_ID,
			    f.instance, 0, NULL, 0);
}

static const struct hv_cmd bpf_cmds[] = {
	{ "show", bpf_show },
	{ "attach", bpf_attach },
	{ "detach", bpf_detach },
};

const struct hv_object hv_bpf_obj = {
	.name = "bpf",
	.usage =
	"Usage: hvnet bpf show SWITCH\n"
	"       hvnet bpf attach SWITCH PORT dir { in | out } obj FILE\n"
	"                        [ sec SECTION | prog NAME ]\n"
	"       hvnet bpf detach SWITCH PORT dir { in | out }\n"
	"where  in is the traffic to the port, out the traffic from it; the program\n"
	"       is the first tc (sched_cls) one of FILE unless chosen (needs the\n"
	"       bpf extension enabled on SWITCH: hvnet ext enable SWITCH bpf)\n",
	.cmds = bpf_cmds,
	.ncmds = ARRAY_SIZE(bpf_cmds),
};
