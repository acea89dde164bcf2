// libyaml's parser, from Debian's libyaml-dev (scripts/setup.sh installs it).
#include <yaml.h>
