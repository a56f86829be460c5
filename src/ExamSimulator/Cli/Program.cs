using Certification.ExamSimulator.Cli;

return SimulatorCommand.Run(args, Console.Out, Console.Error);
