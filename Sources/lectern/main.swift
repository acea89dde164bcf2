import LecternCLI

LecternCommand.main()
