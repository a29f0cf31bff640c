# Shared by the virt-inspector and virt-df tests: where the test images
# are, the -a options for each named guest, and the masking of the
# filesystem UUIDs that mkfs picks at random each time the images are
# rebuilt (the UUIDs the image script sets itself are kept and checked).

: "${srcdir:=$(dirname "$0")}"
: "${datadir:=$srcdir/../data}"
expected="$srcdir/expected"
image_script="$srcdir/../data/make-inspect-images.sh"

# The guests with an expected inspection document.
inspect_guests="debian fedora centos7 windows multi multiboot nos hostile
                ubuntu alpine archlinux"

guest_args ()
{
  case "$1" in
    windows) echo "-a $datadir/inspect-windows.img -a $datadir/inspect-windows-data.img" ;;
    multi) echo "-a $datadir/inspect-multi1.img -a $datadir/inspect-multi2.img" ;;
    *) echo "-a $datadir/inspect-$1.img" ;;
  esac
}

# Replace UUIDs that do not appear in the image script by "RANDOM", in
# XML (<uuid>X</uuid>) and JSON ("uuid": "X") output.
mask_uuids ()
{
  awk -v script="$image_script" '
    BEGIN { while ((getline line < script) > 0) known = known line "\n" }
    {
      if (match ($0, /<uuid>[^<]*<\/uuid>/)) {
        u = substr ($0, RSTART + 6, RLENGTH - 13)
        if (index (known, u) == 0)
          $0 = substr ($0, 1, RSTART - 1) "<uuid>RANDOM</uuid>" substr ($0, RSTART + RLENGTH)
      }
      else if (match ($0, /"uuid": "[^"]*"/)) {
        u = substr ($0, RSTART + 9, RLENGTH - 10)
        if (index (known, u) == 0)
          $0 = substr ($0, 1, RSTART - 1) "\"uuid\": \"RANDOM\"" substr ($0, RSTART + RLENGTH)
      }
      print
    }'
}

# Compare OUTPUT with expected/NAME; on a difference show it and fail.
# With REGENERATE=1 the expected file is written instead.
compare ()
{
  local out="$1" name="$2"

  if [ -n "${REGENERATE:-}" ]; then
    cp "$out" "$expected/$name"
    return 0
  fi
  if ! diff -u "$expected/$name" "$out"; then
    echo "$0: output differs from expected/$name" >&2
    exit 1
  fi
}
