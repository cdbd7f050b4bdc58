#ifndef PII_VERSION_H
#define PII_VERSION_H
#define PII_VERSION "0.1.0"
#endif
