# bash completion for guestfish (guestkit): options before the first
# command, guestfish commands at the start of each command (first word
# after the options, and after each ':'), local files elsewhere.  The
# lists are asked of the guestfish being completed (--long-options,
# --short-options, -h), so they always match it without being kept here.

_guestkit_guestfish ()
{
    local cmd=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev= i w
    # Where the word being completed stands: among the options, at a
    # command's name, or among a command's arguments.
    local state=options skip=0
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    for (( i = 1; i < COMP_CWORD; i++ )); do
        w=${COMP_WORDS[i]}
        if (( skip )); then skip=0; continue; fi
        case $state:$w in
            *::) state=name ;;
            options:-a|options:-c|options:-d|options:-f|options:-m|options:-N|\
            options:--add|options:--connect|options:--domain|options:--file|\
            options:--mount|options:--new|options:--key)
                skip=1 ;;
            options:-h|options:--cmd-help) state=name ;;
            options:=) skip=1 ;;     # "--format=raw" arrives as three words
            options:-*) ;;
            options:*|name:*) state=args ;;
        esac
    done
    COMPREPLY=()
    if [[ $state == options ]]; then
        case $prev in
            -a|--add|-f|--file)
                compopt -o filenames 2>/dev/null
                COMPREPLY=( $(compgen -f -- "$cur") )
                return 0 ;;
            -c|--connect|-d|--domain|-m|--mount|-N|--new|--key)
                return 0 ;;
        esac
        if [[ $cur == -* ]]; then
            COMPREPLY=( $(compgen -W "$("$cmd" --long-options 2>/dev/null) $("$cmd" --short-options 2>/dev/null)" -- "$cur") )
            return 0
        fi
        state=name
    fi
    if [[ $state == name ]]; then
        # In `guestfish -h`, the heading and the closing hint are indented.
        COMPREPLY=( $(compgen -W "$("$cmd" -h 2>/dev/null | awk '/^[^ ]/ { print $1 }')" -- "$cur") )
        return 0
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=( $(compgen -f -- "$cur") )
}

complete -F _guestkit_guestfish guestfish
