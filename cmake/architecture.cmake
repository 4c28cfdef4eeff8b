# The dependency arrows of ARCHITECTURE.md §2. A module may depend only on the modules listed
# here for it; hotline_module() refuses anything else, so an arrow pointing up fails the build.
set(HOTLINE_ALLOWED_core "")
set(HOTLINE_ALLOWED_config "core")
set(HOTLINE_ALLOWED_routing "core")
set(HOTLINE_ALLOWED_ivr "core")
set(HOTLINE_ALLOWED_sim "core;routing;ivr")
set(HOTLINE_ALLOWED_metrics "core")
set(HOTLINE_ALLOWED_wfm "core")
set(HOTLINE_ALLOWED_store "core")
set(HOTLINE_ALLOWED_imports "core;metrics")
set(HOTLINE_ALLOWED_telephony "core")
set(HOTLINE_ALLOWED_api "core;config;routing;ivr;sim;metrics;imports;wfm;store;telephony")
set(HOTLINE_ALLOWED_app "core;config;routing;ivr;sim;metrics;imports;wfm;store;telephony;api")
