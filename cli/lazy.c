/* lazy.c - load a shared library on the first call of one of its functions */
#include "lazy.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *lazy_sym(struct lazy_lib *lib, const char *name)
{
	void *f;

	if (!lib->handle && !(lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL))) {
		fprintf(stderr, "mesdb: error: cannot load %s: %s\n"
			"hint: install it (Debian: apt-get install %s)\n", lib->what, dlerror(),
			lib->package);
		exit(lib->exit_code);
	}
	if (!(f = dlsym(lib->handle, name))) {
		fprintf(stderr, "mesdb: error: %s has no %s (too old?)\n", lib->what, name);
		exit(lib->exit_code);
	}
	return f;
}
