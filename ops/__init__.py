"""Operations for the city's IT staff: backups, restore and the checks that compare them."""
