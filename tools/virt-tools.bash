# bash completion for guestkit's virt-* tools.  Installed once as
# virt-tools and linked under each tool's name (tools/install.am), which
# also writes the tools' names in place of @TOOLS@.  Options are asked of
# the tool being completed (--long-options, --short-options), so the lists
# always match the installed tool without being kept here.

_guestkit_virt_domains ()
{
    local uri= i
    command -v virsh >/dev/null 2>&1 || return 0
    for (( i = 1; i < COMP_CWORD; i++ )); do
        case ${COMP_WORDS[i]} in
            -c|--connect) uri=${COMP_WORDS[i+1]} ;;
        esac
    done
    COMPREPLY=( $(compgen -W "$(virsh ${uri:+-c "$uri"} list --all --name 2>/dev/null)" -- "$1") )
}

_guestkit_virt_tools ()
{
    local cmd=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev= opt=
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    # '=' breaks words: "--format=ra" arrives as "--format" "=" "ra".
    if [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        opt=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == = ]]; then
        opt=$prev cur=
    fi
    COMPREPLY=()
    case $opt in
        --format) COMPREPLY=( $(compgen -W "raw qcow2 vmdk vdi vhdx vpc" -- "$cur") ); return 0 ;;
        --blocksize) COMPREPLY=( $(compgen -W "512 4096" -- "$cur") ); return 0 ;;
    esac
    case $prev in
        -a|--add)
            compopt -o filenames 2>/dev/null
            COMPREPLY=( $(compgen -f -- "$cur") )
            return 0 ;;
        -d|--domain)
            _guestkit_virt_domains "$cur"
            return 0 ;;
        -c|--connect|-m|--mount|--key|-e|--expr|--xpath)
            return 0 ;;
    esac
    case $cur in
        -*)
            COMPREPLY=( $(compgen -W "$("$cmd" --long-options 2>/dev/null) $("$cmd" --short-options 2>/dev/null)" -- "$cur") )
            return 0 ;;
    esac
    compopt -o filenames 2>/dev/null
    COMPREPLY=( $(compgen -f -- "$cur") )
}

complete -F _guestkit_virt_tools @TOOLS@
