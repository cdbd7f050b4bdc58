/*
 * pii_have.h - PII_IF(c, x): x when c expands to 1, nothing when to 0;
 * PII_IFNOT the other way round. For the registries made from a .def
 * list whose entries need an optional library (HAVE_...).
 */
#ifndef PII_HAVE_H
#define PII_HAVE_H

#define PII_IF(c, ...) PII_IF_(c, __VA_ARGS__)
#define PII_IF_(c, ...) PII_IF_##c(__VA_ARGS__)
#define PII_IF_1(...) __VA_ARGS__
#define PII_IF_0(...)
#define PII_IFNOT(c, ...) PII_IFNOT_(c, __VA_ARGS__)
#define PII_IFNOT_(c, ...) PII_IFNOT_##c(__VA_ARGS__)
#define PII_IFNOT_1(...)
#define PII_IFNOT_0(...) __VA_ARGS__

#endif
