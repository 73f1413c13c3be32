// SPDX-License-Identifier: GPL-2.0
/* A small streaming JSON writer for `hvnet -j`. A NULL key means an array
 * element.
 */
#include <inttypes.h>

#include "json.h"

void json_init(struct json *j, FILE *out, bool pretty)
{
	j->out = out;
	j->pretty = pretty;
	j->depth = 0;
	j->need_comma = false;
}

static void json_escaped(struct json *j, const char *s)
{
	fputc('"', j->out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(j->out, "\\%c", c);
		else if (c < 0x20)
			fprintf(j->out, "\\u%04x", c);
		else
			fputc(c, j->out);
	}
	fputc('"', j->out);
}

static void json_indent(struct json *j)
{
	if (!j->pretty)
		return;
	fputc('\n', j->out);
	for (int i = 0; i < j->depth; i++)
		fputs("    ", j->out);
}

static void json_key(struct json *j, const char *key)
{
	if (j->need_comma)
		fputc(',', j->out);
	if (j->depth)
		json_indent(j);
	if (key) {
		json_escaped(j, key);
		fputs(j->pretty ? ": " : ":", j->out);
	}
	j->need_comma = true;
}

static void json_open(struct json *j, const char *key, char c)
{
	json_key(j, key);
	fputc(c, j->out);
	j->depth++;
	j->need_comma = false;
}

static void json_close(struct json *j, char c)
{
	bool empty = !j->need_comma;

	j->depth--;
	if (!empty)
		json_indent(j);
	fputc(c, j->out);
	j->need_comma = true;
}

void json_open_array(struct json *j, const char *key)
{
	json_open(j, key, '[');
}

void json_close_array(struct json *j)
{
	json_close(j, ']');
}

void json_open_object(struct json *j, const char *key)
{
	json_open(j, key, '{');
}

void json_close_object(struct json *j)
{
	json_close(j, '}');
}

void json_string(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	json_escaped(j, val);
}

void json_uint(struct json *j, const char *key, uint64_t val)
{
	json_key(j, key);
	fprintf(j->out, "%" PRIu64, val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	json_key(j, key);
	fputs(val ? "true" : "false", j->out);
}

void json_number(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	fputs(val, j->out);
}

void json_end(struct json *j)
{
	fputc('\n', j->out);
	fflush(j->out);
}
