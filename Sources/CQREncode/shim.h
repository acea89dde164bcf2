// Debian's libqrencode (libqrencode-dev): the QR encoder behind the live class's join codes.
#include <qrencode.h>
