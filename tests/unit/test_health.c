/* Broken handlers (consumer/health.c): set and cleared per type, each change counted once,
 * the JSON list the keeper writes, and a long reason cut at a character boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "consumer.h"

static struct consumer *fresh(void)
{
	struct consumer *c = calloc(1, sizeof(*c));

	assert_non_null(c);
	pthread_mutex_init(&c->health_mu, NULL);
	strcpy(c->worker_id, "w-test");
	return c;
}

static void gone(struct consumer *c)
{
	free(c->health);
	pthread_mutex_destroy(&c->health_mu);
	free(c);
}

static void test_health_set_and_clear(void **state)
{
	struct consumer *c = fresh();
	unsigned int gen;
	char *list;
	json_t *v;

	(void)state;
	list = consumer_broken_json(c, &gen);
	assert_string_equal(list, "[]");
	assert_int_equal(gen, 0);
	free(list);
	consumer_handler_health(c, "thumb", true, "child exited with status 1 before ready");
	consumer_handler_health(c, "thumb", true, "again"); /* no change: not counted */
	consumer_handler_health(c, "resize", false, NULL);  /* known, fine */
	assert_int_equal(atomic_load(&c->health_gen), 1);
	assert_int_equal(consumer_broken_count(c, NULL), 1);
	assert_int_equal(consumer_broken_count(c, "thumb"), 1);
	assert_int_equal(consumer_broken_count(c, "resize"), 0);
	list = consumer_broken_json(c, &gen);
	assert_int_equal(gen, 1);
	v = json_loads(list, 0, NULL);
	assert_non_null(v);
	assert_int_equal(json_array_size(v), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(v, 0), "type")),
			    "thumb");
	assert_string_equal(json_string_value(json_object_get(json_array_get(v, 0), "why")),
			    "child exited with status 1 before ready");
	assert_true(json_integer_value(json_object_get(json_array_get(v, 0), "since")) >
		    1700000000000LL);
	json_decref(v);
	free(list);
	consumer_handler_health(c, "thumb", false, NULL);
	assert_int_equal(atomic_load(&c->health_gen), 2);
	assert_int_equal(consumer_broken_count(c, NULL), 0);
	list = consumer_broken_json(c, &gen);
	assert_string_equal(list, "[]");
	free(list);
	gone(c);
}

static void test_health_long_reason_is_cut_at_a_character(void **state)
{
	struct consumer *c = fresh();
	char why[600], *list;
	unsigned int gen;
	json_t *v;

	(void)state;
	/* 'é' is two bytes: 300 of them cannot fit 255 bytes without a cut inside one */
	for (int i = 0; i < 300; i++)
		memcpy(why + 2 * i, "\xc3\xa9", 2);
	why[600 - 1] = '\0';
	why[598] = '\0';
	consumer_handler_health(c, "t", true, why);
	list = consumer_broken_json(c, &gen);
	assert_non_null(list);
	v = json_loads(list, 0, NULL);
	assert_non_null(v);
	assert_int_equal(strlen(json_string_value(json_object_get(json_array_get(v, 0), "why"))),
			 254);
	json_decref(v);
	free(list);
	gone(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_health_set_and_clear),
		cmocka_unit_test(test_health_long_reason_is_cut_at_a_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
