/* SPDX-License-Identifier: GPL-2.0 */
/* A small streaming JSON writer for `hvnet -j`. */
#ifndef HVNET_JSON_H
#define HVNET_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json {
	FILE *out;
	bool pretty;
	int depth;
	bool need_comma;
};

void json_init(struct json *j, FILE *out, bool pretty);
void json_open_array(struct json *j, const char *key);
void json_close_array(struct json *j);
void json_open_object(struct json *j, const char *key);
void json_close_object(struct json *j);
void json_string(struct json *j, const char *key, const char *val);
void json_uint(struct json *j, const char *key, uint64_t val);
void json_bool(struct json *j, const char *key, bool val);
/* a number already written as text, such as "3.5" */
void json_number(struct json *j, const char *key, const char *val);
/* end of the document: a newline */
void json_end(struct json *j);

#endif /* HVNET_JSON_H */
