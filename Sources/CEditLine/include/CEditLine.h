int lectern_placeholder(void);
