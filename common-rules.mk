# Rules shared by every Makefile.am that uses generated files.

$(top_builddir)/generator/stamp-generator: $(wildcard $(top_srcdir)/generator/*.py $(top_srcdir)/generator/gk/*.py)
	@cd $(top_builddir)/generator && $(MAKE) $(AM_MAKEFLAGS) stamp-generator

# Generated files depend on the stamp.  generate.py only rewrites files
# whose content changed, and make re-reads their timestamps afterwards, so
# nothing downstream rebuilds needlessly.
$(GENERATED_HERE): $(top_builddir)/generator/stamp-generator
	@test -f $@
